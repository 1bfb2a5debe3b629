/* suppression: a comment naming the tag on the line before silences one finding; one naming another tag does not */
/* family: work */
/* expect-stats: drivers=1 acquired=2 released=0 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct work_struct quiet;
	struct work_struct loud;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	/* teardown-check: ignore teardown-work the hardware raises it only once, at probe */
	INIT_WORK(&p->quiet, snip_work_fn);
	/* teardown-check: ignore teardown-timer names another check */
	INIT_WORK(&p->loud, snip_work_fn);	/* expect: teardown-work "work 'p->loud' initialised in snip_probe() is never cancelled on remove" */
	platform_set_drvdata(pdev, p);
	schedule_work(&p->quiet);
	schedule_work(&p->loud);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->count = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-suppress-inline" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
