/* module: module_init starts a software watchdog's timer through its .start operation and, when registration fails, stops it through its .stop operation; module_exit leaves stopping to the watchdog core, which calls the same .stop (softdog): silent, the release counted as made elsewhere */
/* family: timer */
/* expect-stats: released_elsewhere=1 reported=0 */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/watchdog.h>

static bool snip_active_on_boot;
module_param(snip_active_on_boot, bool, 0);

static struct timer_list snip_ticktock;

static void snip_fire(struct timer_list *t)
{
	pr_crit("snip: initiating system reboot\n");
}

static int snip_start(struct watchdog_device *w)
{
	mod_timer(&snip_ticktock, jiffies + w->timeout * HZ);
	return 0;
}

static int snip_stop(struct watchdog_device *w)
{
	timer_delete_sync(&snip_ticktock);
	return 0;
}

static const struct watchdog_info snip_info = {
	.options = WDIOF_KEEPALIVEPING,
	.identity = "snip",
};

static const struct watchdog_ops snip_ops = {
	.owner = THIS_MODULE,
	.start = snip_start,
	.stop = snip_stop,
};

static struct watchdog_device snip_dev = {
	.info = &snip_info,
	.ops = &snip_ops,
	.timeout = 60,
};

static int __init snip_init(void)
{
	int ret;

	timer_setup(&snip_ticktock, snip_fire, 0);
	if (snip_active_on_boot)
		snip_start(&snip_dev);
	ret = watchdog_register_device(&snip_dev);
	if (ret) {
		snip_stop(&snip_dev);
		return ret;
	}
	return 0;
}
module_init(snip_init);

static void __exit snip_exit(void)
{
	watchdog_unregister_device(&snip_dev);
}
module_exit(snip_exit);
MODULE_LICENSE("GPL");
