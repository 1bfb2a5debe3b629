/* order: the timer callback schedules the work, remove shuts the timer down for good first: silent */
/* family: timer work */
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

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count++;
}

static void snip_tick(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, timer);

	schedule_work(&p->work);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_WORK(&p->work, snip_work_fn);
	timer_setup(&p->timer, snip_tick, 0);
	platform_set_drvdata(pdev, p);
	mod_timer(&p->timer, jiffies + HZ);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	timer_shutdown_sync(&p->timer);
	cancel_work_sync(&p->work);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-timer-work-ok" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
