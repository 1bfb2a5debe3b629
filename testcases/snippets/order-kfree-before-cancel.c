/* order: remove kfree()s the private struct before cancelling the work that lives in it */
/* family: work */
/* expect-stats: acquired=1 released=1 reported=1 */
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

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_WORK(&p->work, snip_work_fn);
	platform_set_drvdata(pdev, p);
	schedule_work(&p->work);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	kfree(p);	/* expect: teardown-use-after-free "'p' (struct snip_priv) is freed in snip_remove() while work 'p->work' in it can still run snip_work_fn(); cancel it before this kfree()" */
	cancel_work_sync(&p->work);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-kfree-early" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
