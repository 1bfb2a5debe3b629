/* mmio: a helper maps into the array element probe passes (&info->mem[i]), remove unmaps none of them: leaks */
/* family: mmio */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

struct snip_mem {
	void __iomem *internal_addr;
	unsigned long addr;
};

struct snip_info {
	struct snip_mem mem[2];
};

static int snip_setup_mem(struct platform_device *pdev, int n, struct snip_mem *mem)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_MEM, n);

	if (!r)
		return -ENODEV;
	mem->addr = r->start;
	mem->internal_addr = ioremap(r->start, resource_size(r));	/* expect: teardown-mmio "mem->internal_addr" */
	if (!mem->internal_addr)
		return -ENODEV;
	return 0;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_info *info;

	info = devm_kzalloc(&pdev->dev, sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	if (snip_setup_mem(pdev, 0, &info->mem[0]))
		return -ENODEV;
	if (snip_setup_mem(pdev, 1, &info->mem[1]))
		goto out_unmap0;
	platform_set_drvdata(pdev, info);
	return 0;
out_unmap0:
	iounmap(info->mem[0].internal_addr);
	return -ENODEV;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_info *info = platform_get_drvdata(pdev);

	info->mem[0].addr = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-mmio-helper-array-elem-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
