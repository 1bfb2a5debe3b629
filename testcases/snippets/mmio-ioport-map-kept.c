/* mmio: ioport_map() maps nothing (a port I/O cookie; ioport_unmap() is empty): kept until unbind, and on a failure exit, it leaks nothing: silent */
/* family: mmio */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

struct snip_priv {
	void __iomem *regs;
	int irq;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->regs = ioport_map(0x300, 8);
	if (!p->regs)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	iowrite8(0, p->regs);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	iowrite8(1, p->regs);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-mmio-ioport-map-kept" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
