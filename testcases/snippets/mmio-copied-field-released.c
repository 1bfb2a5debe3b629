/* mmio: probe maps into hw->hw_addr and copies it to p->io_addr; remove unmaps the copy: silent */
/* family: mmio */
/* expect-stats: acquired=1 released=1 reported=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

struct snip_hw {
	void __iomem *hw_addr;
};

struct snip_priv {
	struct snip_hw hw;
	void __iomem *io_addr;
	int count;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct snip_hw *hw;
	struct resource *res;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	hw = &p->hw;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	hw->hw_addr = ioremap(res->start, resource_size(res));
	p->io_addr = hw->hw_addr;
	if (!hw->hw_addr)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	iounmap(p->io_addr);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-mmio-copied-field" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
