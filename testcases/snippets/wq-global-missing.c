/* workqueue: kept in a global variable; remove never destroys it */
/* family: workqueue */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

static struct workqueue_struct *snip_wq;

static int snip_probe(struct platform_device *pdev)
{
	snip_wq = create_singlethread_workqueue("snip");	/* expect: teardown-workqueue "workqueue 'snip_wq' allocated in snip_probe() is never destroyed on remove; add destroy_workqueue(snip_wq) to snip_remove()" */
	if (!snip_wq)
		return -ENOMEM;
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	dev_info(&pdev->dev, "bye\n");
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-wq-global" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
