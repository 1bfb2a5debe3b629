/* error path: a same-file helper fails with the registers still mapped, the caller's error label unmaps them through a cleanup helper: silent */
/* family: mmio */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

#define SNIP_VERSION	0x00

struct snip_priv {
	void __iomem *base;
	u32 version;
};

static int snip_map(struct platform_device *pdev, struct snip_priv *p)
{
	struct resource *res;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	p->base = ioremap(res->start, resource_size(res));
	if (!p->base)
		return -ENOMEM;
	p->version = readl(p->base + SNIP_VERSION);
	if (p->version < 2)
		return -ENODEV;
	return 0;
}

static void snip_unmap(struct snip_priv *p)
{
	iounmap(p->base);
	p->base = NULL;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = snip_map(pdev, p);
	if (ret)
		goto err_unmap;
	platform_set_drvdata(pdev, p);
	return 0;

err_unmap:
	snip_unmap(p);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	snip_unmap(p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-helper-fails-cleanup" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
