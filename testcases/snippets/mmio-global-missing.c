/* mmio: the mapping is kept in a global variable; remove never unmaps it */
/* family: mmio */
/* expect-fixit: "iounmap(snip_base);" */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/io.h>

static void __iomem *snip_base;

static int snip_probe(struct platform_device *pdev)
{
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	if (!res)
		return -ENODEV;
	snip_base = ioremap(res->start, resource_size(res));	/* expect: teardown-mmio "MMIO mapping 'snip_base' mapped in snip_probe() is never unmapped on remove; add iounmap(snip_base) to snip_remove()" */
	if (!snip_base)
		return -ENOMEM;
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	writel(0, snip_base);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-mmio-global" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
