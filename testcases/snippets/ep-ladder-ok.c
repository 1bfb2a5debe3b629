/* error path: goto ladder unwinds workqueue, IRQ and MMIO mapping in reverse order: silent */
/* family: mmio irq workqueue */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

#define SNIP_CTRL	0x00
#define SNIP_STATUS	0x04

struct snip_priv {
	void __iomem *base;
	struct workqueue_struct *wq;
	int irq;
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count += readl(p->base + SNIP_STATUS);
	return IRQ_HANDLED;
}

static int snip_hw_init(struct snip_priv *p)
{
	writel(1, p->base + SNIP_CTRL);
	if (!(readl(p->base + SNIP_STATUS) & 1))
		return -ENODEV;
	return 0;
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
	ret = request_irq(p->irq, snip_isr, 0, "snip", p);
	if (ret)
		goto err_unmap;
	p->wq = alloc_ordered_workqueue("snip", 0);
	if (!p->wq) {
		ret = -ENOMEM;
		goto err_free_irq;
	}
	ret = snip_hw_init(p);
	if (ret)
		goto err_destroy_wq;
	platform_set_drvdata(pdev, p);
	return 0;

err_destroy_wq:
	destroy_workqueue(p->wq);
err_free_irq:
	free_irq(p->irq, p);
err_unmap:
	iounmap(p->base);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	destroy_workqueue(p->wq);
	free_irq(p->irq, p);
	iounmap(p->base);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-ladder-ok" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
