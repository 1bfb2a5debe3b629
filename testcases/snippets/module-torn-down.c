/* module: everything module_init sets up, module_exit tears down: silent */
/* family: driver workqueue timer */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

static struct workqueue_struct *snip_wq;
static struct timer_list snip_timer;

static void snip_tick(struct timer_list *t)
{
	mod_timer(&snip_timer, jiffies + HZ);
}

static int snip_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-module-ok" },
};

static int __init snip_init(void)
{
	int ret;

	snip_wq = alloc_ordered_workqueue("snip", 0);
	if (!snip_wq)
		return -ENOMEM;
	timer_setup(&snip_timer, snip_tick, 0);
	mod_timer(&snip_timer, jiffies + HZ);
	ret = platform_driver_register(&snip_driver);
	if (ret) {
		timer_shutdown_sync(&snip_timer);
		destroy_workqueue(snip_wq);
	}
	return ret;
}
module_init(snip_init);

static void __exit snip_exit(void)
{
	platform_driver_unregister(&snip_driver);
	timer_shutdown_sync(&snip_timer);
	destroy_workqueue(snip_wq);
}
module_exit(snip_exit);
MODULE_LICENSE("GPL");
/* expect-stats: modules=1 module_acquired=3 module_released=3 */
