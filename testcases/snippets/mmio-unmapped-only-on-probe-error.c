/* mmio: probe's error path unmaps, but remove never does */
/* family: mmio */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

struct snip_priv {
	void __iomem *regs;
	int count;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct resource *res;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	p->regs = ioremap(res->start, resource_size(res));	/* expect: teardown-mmio "MMIO mapping 'p->regs' mapped in snip_probe() is never unmapped on remove" */
	if (!p->regs)
		return -ENOMEM;
	if (readl(p->regs) != 0x5a5a) {
		iounmap(p->regs);
		return -ENODEV;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	writel(0, p->regs);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-mmio-err-path" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
