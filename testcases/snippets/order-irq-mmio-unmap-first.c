/* order: the IRQ handler reads and acks registers, remove iounmap()s them before free_irq() */
/* family: irq mmio */
/* expect-stats: acquired=2 released=2 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/io.h>

#define SNIP_STATUS	0x04
#define SNIP_ACK	0x08

struct snip_priv {
	void __iomem *base;
	int irq;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;
	u32 status = readl(p->base + SNIP_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, p->base + SNIP_ACK);
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
	ret = request_irq(p->irq, snip_isr, IRQF_SHARED, "snip", p);
	if (ret) {
		iounmap(p->base);
		return ret;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	iounmap(p->base);	/* expect: teardown-order "MMIO mapping 'p->base' is unmapped in snip_remove() while IRQ handler 'p' is still live: snip_isr() can access it until free_irq() in snip_remove(); stop the IRQ handler first" */
	free_irq(p->irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-irq-mmio" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
