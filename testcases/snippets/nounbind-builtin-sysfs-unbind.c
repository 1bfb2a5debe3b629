/* unbind-proof, the positive twin: the same built-in driver without .suppress_bind_attrs can be unbound through sysfs, and then the work and the mapping are never released */
/* family: work mmio */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/workqueue.h>

#define SNIP_ID	0x00

struct snip_priv {
	void __iomem *base;
	struct work_struct work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count += readl(p->base + SNIP_ID);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct resource *res;
	int irq;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	p->base = ioremap(res->start, resource_size(res));	/* expect: teardown-mmio "driver 'snip_driver' has no remove() and is built in, so only an unbind through sysfs leaves it; set .suppress_bind_attrs = true" */
	if (!p->base)
		return -ENOMEM;
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)	/* expect: teardown-error-path "MMIO mapping 'p->base'" */
		return irq;
	INIT_WORK(&p->work, snip_work_fn);	/* expect: teardown-work "driver 'snip_driver' has no remove()" */
	schedule_work(&p->work);
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = {
		.name = "snip-nounbind-builtin-sysfs-unbind",
	},
};
builtin_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
