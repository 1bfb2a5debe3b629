/* work: INIT_WORK_ONSTACK on a local that probe flushes before returning: silent */
/* family: work */
/* expect-stats: acquired=0 reported=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

static int snip_count;

static void snip_work_fn(struct work_struct *work)
{
	snip_count++;
}

static int snip_probe(struct platform_device *pdev)
{
	struct work_struct w;

	INIT_WORK_ONSTACK(&w, snip_work_fn);
	schedule_work(&w);
	flush_work(&w);
	destroy_work_on_stack(&w);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	snip_count = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-onstack" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
