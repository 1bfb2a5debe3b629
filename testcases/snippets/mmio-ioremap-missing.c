/* mmio: ioremap() in probe, remove (another variable name) never unmaps it */
/* family: mmio */
/* expect-fixit: "iounmap(priv->regs);" */
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
	p->regs = ioremap(res->start, resource_size(res));	/* expect: teardown-mmio "MMIO mapping 'p->regs' mapped in snip_probe() is never unmapped on remove; add iounmap(priv->regs) to snip_remove()" */
	if (!p->regs)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->regs);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-mmio-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
