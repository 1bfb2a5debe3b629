/* timer: a global struct timer_list set up in probe; remove never stops it */
/* family: timer */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/timer.h>

static struct timer_list snip_timer;
static int snip_count;

static void snip_timer_fn(struct timer_list *t)
{
	snip_count++;
	mod_timer(&snip_timer, jiffies + HZ);
}

static int snip_probe(struct platform_device *pdev)
{
	timer_setup(&snip_timer, snip_timer_fn, 0);	/* expect: teardown-timer "timer 'snip_timer' set up in snip_probe() is never stopped synchronously on remove" */
	mod_timer(&snip_timer, jiffies + HZ);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	snip_count = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-timer-global" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
