/* work: INIT_WORK in probe, remove never cancels it (message, fix-it, stats) */
/* family: work */
/* kernel: <6.13 */	/* platform_driver.remove_new, gone in 6.13 */
/* expect-stats: drivers=1 acquired=1 released=0 reported=1 handed_off=0 */
/* expect-fixit: "cancel_work_sync(&p->work);" */
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
	INIT_WORK(&p->work, snip_work_fn);	/* expect: teardown-work "work 'p->work' initialised in snip_probe() is never cancelled on remove; add cancel_work_sync(&p->work) to snip_remove()" */
	platform_set_drvdata(pdev, p);
	schedule_work(&p->work);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->count = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove_new = snip_remove,
	.driver = { .name = "snip-work-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
