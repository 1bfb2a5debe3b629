/* timer: a driver with no remove() sets up an alarm timer; timers have no managed variant, so the fix offers a remove() or a devres action (rtc-test, docs/found/0003) */
/* family: timer */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct snip_priv {
	struct timer_list alarm;
	int count;
};

static void snip_alarm_fn(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, alarm);

	p->count++;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	timer_setup(&p->alarm, snip_alarm_fn, 0);	/* expect: teardown-timer "driver 'snip_driver' has no remove() and devres does not release it; call timer_shutdown_sync(&p->alarm) in a remove() or in an action registered with devm_add_action_or_reset()" */
	mod_timer(&p->alarm, jiffies + HZ);
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-timer-no-remove" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
