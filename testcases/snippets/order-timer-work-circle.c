/* order: timer and work re-arm each other; timer_delete_sync() cannot stop that circle */
/* family: timer work */
/* expect-stats: acquired=2 released=2 reported=1 */
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
	mod_timer(&p->timer, jiffies + HZ);
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

	timer_delete_sync(&p->timer);	/* expect: teardown-rearm "timer 'p->timer' and work 'p->work' re-arm each other, so timer_delete_sync() in snip_remove() cannot stop the timer for good; use timer_shutdown_sync()" */
	cancel_work_sync(&p->work);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-timer-work-circle" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
