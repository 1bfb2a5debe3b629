/* mmio: ioremap() in probe, iounmap() in remove via dev_get_drvdata(): silent */
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
	p->regs = ioremap(res->start, resource_size(res));
	if (!p->regs)
		return -ENOMEM;
	dev_set_drvdata(&pdev->dev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *ddata = dev_get_drvdata(&pdev->dev);

	writel(0, ddata->regs);
	iounmap(ddata->regs);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-mmio-released" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
