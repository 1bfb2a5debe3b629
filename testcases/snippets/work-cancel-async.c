/* work: remove uses cancel_work(), which does not wait for a running callback */
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
	INIT_WORK(&p->work, snip_work_fn);
	platform_set_drvdata(pdev, p);
	schedule_work(&p->work);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	cancel_work(&p->work);	/* expect: teardown-async "work 'p->work' initialised in snip_probe() is stopped with cancel_work() in snip_remove(), which does not wait for a running callback; use cancel_work_sync()" */
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-cancel-async" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
