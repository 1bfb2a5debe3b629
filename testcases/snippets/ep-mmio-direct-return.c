/* error path: probe returns -EINVAL straight after ioremap() without unmapping */
/* family: mmio */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

#define SNIP_ID		0x00
#define SNIP_ID_VALUE	0x5a5a

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
	p->base = ioremap(res->start, resource_size(res));
	if (!p->base)
		return -ENOMEM;
	p->id = readl(p->base + SNIP_ID);
	if (p->id != SNIP_ID_VALUE) {
		dev_err(&pdev->dev, "unknown id %#x\n", p->id);
		return -EINVAL;	/* expect: teardown-error-path "MMIO mapping 'p->base'" */
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	iounmap(p->base);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-mmio-direct-return" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
