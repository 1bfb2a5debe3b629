/* error path: a mapping shared by all ports is kept in a global, copied to each port, and the error label unmaps the port's copy (gpio-mxs): silent */
/* family: mmio */
/* expect-stats: acquired=1 released=1 reported=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

#define SNIP_IRQEN	0x10

struct snip_port {
	void __iomem *base;
	int irq;
};

static void __iomem *snip_base;

static int snip_probe(struct platform_device *pdev)
{
	struct snip_port *port;
	struct resource *res;
	int ret;

	port = devm_kzalloc(&pdev->dev, sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	if (!snip_base) {
		res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
		if (!res)
			return -ENODEV;
		snip_base = ioremap(res->start, resource_size(res));
		if (!snip_base)
			return -EADDRNOTAVAIL;
	}
	port->base = snip_base;
	writel(0, port->base + SNIP_IRQEN);
	port->irq = platform_get_irq(pdev, 0);
	if (port->irq < 0) {
		ret = port->irq;
		goto out_iounmap;
	}
	platform_set_drvdata(pdev, port);
	return 0;

out_iounmap:
	iounmap(port->base);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_port *port = platform_get_drvdata(pdev);

	writel(0, port->base + SNIP_IRQEN);
	iounmap(port->base);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-mmio-global-copy-released" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
