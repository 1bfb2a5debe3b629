/* error path: the mapping is kept in a local that starts NULL and is unmapped at the shared label if set; many gotos reach the label, so its value there merges NULL and the mapping (m66592-udc): silent */
/* family: mmio */
/* expect-stats: acquired=1 released=1 reported=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

#define SNIP_ID		0x00
#define SNIP_CTRL	0x04

struct snip_priv {
	void __iomem *reg;
	u32 id;
	int irq;
};

static int snip_probe(struct platform_device *pdev)
{
	struct resource *res, *ires;
	void __iomem *reg = NULL;
	struct snip_priv *p = NULL;
	int ret;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto clean_up;
	}
	ires = platform_get_resource(pdev, IORESOURCE_IRQ, 0);
	if (!ires) {
		ret = -ENODEV;
		goto clean_up;
	}
	reg = ioremap(res->start, resource_size(res));
	if (!reg) {
		ret = -ENOMEM;
		goto clean_up;
	}
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p) {
		ret = -ENOMEM;
		goto clean_up;
	}
	p->reg = reg;
	p->id = readl(reg + SNIP_ID);
	if (p->id == 0) {
		ret = -ENODEV;
		goto clean_up;
	}
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0) {
		ret = p->irq;
		goto clean_up;
	}
	writel(1, reg + SNIP_CTRL);
	platform_set_drvdata(pdev, p);
	return 0;

clean_up:
	kfree(p);
	if (reg)
		iounmap(reg);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	writel(0, p->reg + SNIP_CTRL);
	iounmap(p->reg);
	kfree(p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-mmio-local-released-at-label" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
