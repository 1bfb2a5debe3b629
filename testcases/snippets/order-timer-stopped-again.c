/* order: a helper deletes the timer before the work that arms it is cancelled, but remove deletes the timer again after the cancel: silent */
/* family: work timer */
/* expect-stats: acquired=2 released=2 reported=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct timer_list timer;
	struct work_struct work;
	int count;
};

static void snip_tick(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, timer);

	p->count++;
}

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	mod_timer(&p->timer, jiffies + HZ);
}

static void snip_stop_watchdog(struct snip_priv *p)
{
	timer_delete_sync(&p->timer);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	timer_setup(&p->timer, snip_tick, 0);
	INIT_WORK(&p->work, snip_work_fn);
	platform_set_drvdata(pdev, p);
	schedule_work(&p->work);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	snip_stop_watchdog(p);
	cancel_work_sync(&p->work);
	timer_delete_sync(&p->timer);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-timer-stopped-again" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
