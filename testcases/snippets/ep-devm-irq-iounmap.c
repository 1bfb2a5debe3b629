/* error path: devm_request_irq() whose handler reads an ioremap() mapping the error path unmaps while devres still holds the IRQ */
/* family: mmio irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include <linux/clk.h>

#define SNIP_STATUS	0x04

struct snip_priv {
	void __iomem *base;
	struct clk *clk;
	int irq;
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count += readl(p->base + SNIP_STATUS);
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct resource *res;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	p->base = ioremap(res->start, resource_size(res));
	if (!p->base)
		return -ENOMEM;
	ret = devm_request_irq(&pdev->dev, p->irq, snip_isr, 0, "snip", p);
	if (ret)
		goto err_unmap;
	p->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(p->clk)) {
		ret = PTR_ERR(p->clk);
		goto err_unmap;
	}
	platform_set_drvdata(pdev, p);
	return 0;

err_unmap:
	iounmap(p->base);	/* expect: teardown-error-order "managed" */
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	devm_free_irq(&pdev->dev, p->irq, p);
	iounmap(p->base);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-devm-irq-iounmap" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
