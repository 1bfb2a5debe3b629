/* error path: the IRQ leaks at an early failure; the only label that frees it also unmaps what is mapped later, so jumping there is no fix: add the release here */
/* family: irq mmio */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/clk.h>

struct snip_priv {
	void __iomem *base;
	struct clk *clk;
	int irq;
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count++;
	return IRQ_HANDLED;
}

static int snip_hw_init(struct snip_priv *p)
{
	return readl(p->base) ? 0 : -EIO;
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
	ret = request_irq(p->irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	p->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(p->clk))	/* expect: teardown-error-path "the label before that call also undoes steps taken after this failure" */
		return PTR_ERR(p->clk);
	p->base = ioremap(res->start, resource_size(res));
	if (!p->base) {
		ret = -ENOMEM;
		goto err;
	}
	ret = snip_hw_init(p);
	if (ret)
		goto err;
	platform_set_drvdata(pdev, p);
	return 0;
err:
	free_irq(p->irq, p);
	iounmap(p->base);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	free_irq(p->irq, p);
	iounmap(p->base);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-label-undoes-later-step" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
