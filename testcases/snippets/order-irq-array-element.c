/* order: the IRQ cookie is one port of a static table reached through a global pointer (&snip_ports[id], as goldfish does); remove iounmap()s the port's registers before free_irq() */
/* family: irq mmio */
/* expect-stats: acquired=2 released=2 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/io.h>

#define SNIP_PORTS	4
#define SNIP_STATUS	0x04

struct snip_port {
	void __iomem *base;
	int irq;
};

static struct snip_port snip_port_table[SNIP_PORTS];
static struct snip_port *snip_ports = snip_port_table;

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_port *port = data;

	return readl(port->base + SNIP_STATUS) ? IRQ_HANDLED : IRQ_NONE;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_port *port;
	struct resource *res;
	void __iomem *base;
	int irq, ret;

	if (pdev->id < 0 || pdev->id >= SNIP_PORTS)
		return -EINVAL;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	base = ioremap(res->start, resource_size(res));
	if (!base)
		return -ENOMEM;
	irq = platform_get_irq(pdev, 0);
	if (irq < 0) {
		ret = irq;
		goto err_unmap;
	}
	port = &snip_ports[pdev->id];
	port->base = base;
	port->irq = irq;
	ret = request_irq(irq, snip_isr, IRQF_SHARED, "snip", port);
	if (ret)
		goto err_unmap;
	platform_set_drvdata(pdev, port);
	return 0;

err_unmap:
	iounmap(base);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_port *port = platform_get_drvdata(pdev);

	iounmap(port->base);	/* expect: teardown-order "MMIO mapping 'port->base' is unmapped in snip_remove() while IRQ handler 'port' is still live: snip_isr() can access it until free_irq() in snip_remove(); stop the IRQ handler first" */
	free_irq(port->irq, port);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-irq-array-element" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
