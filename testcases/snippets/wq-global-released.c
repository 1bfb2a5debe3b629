/* workqueue: kept in a global variable and destroyed in remove: silent */
/* family: workqueue */
/* expect-stats: acquired=1 released=1 unkeyed=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

static struct workqueue_struct *snip_wq;

static int snip_probe(struct platform_device *pdev)
{
	snip_wq = alloc_workqueue("snip", 0, 0);
	if (!snip_wq)
		return -ENOMEM;
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	destroy_workqueue(snip_wq);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-wq-global-rel" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
