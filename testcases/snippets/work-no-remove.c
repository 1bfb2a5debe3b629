/* work: a driver with no remove() at all initialises a work in probe */
/* family: work */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct work_struct work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count++;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_WORK(&p->work, snip_work_fn);	/* expect: teardown-work "work 'p->work' initialised in snip_probe() is never cancelled: driver 'snip_driver' has no remove() and devres does not release it; call cancel_work_sync(&p->work) in a remove() or use devm_work_autocancel() instead, before anything that can queue it" */
	schedule_work(&p->work);
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-work-no-remove" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
