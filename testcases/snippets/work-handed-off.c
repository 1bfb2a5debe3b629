/* work: remove hands the private struct to an extern function the checker cannot see: silent, counted */
/* family: work */
/* expect-stats: handed_off=1 reported=0 released_elsewhere=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct work_struct work;
	int count;
};

/* defined in another file of the driver: may well cancel p->work */
extern void snip_hw_teardown(struct snip_priv *p);

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

	snip_hw_teardown(p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-handed-off" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
