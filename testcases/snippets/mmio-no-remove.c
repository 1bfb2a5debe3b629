/* mmio: a driver with no remove() maps its registers with ioremap(); the fix names devm_ioremap() */
/* family: mmio */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

#define SNIP_ID	0x00

struct snip_priv {
	void __iomem *base;
	u32 id;
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
	p->base = ioremap(res->start, resource_size(res));	/* expect: teardown-mmio "driver 'snip_driver' has no remove() and devres does not release it; call iounmap(p->base) in a remove() or use devm_ioremap() instead, before anything that can access it" */
	if (!p->base)
		return -ENOMEM;
	p->id = readl(p->base + SNIP_ID);
	platform_set_drvdata(pdev, p);
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-mmio-no-remove" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
