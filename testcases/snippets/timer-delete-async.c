/* timer: remove stops the timer with timer_delete() in a helper, which does not wait for a running callback */
/* family: timer */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct snip_priv {
	struct timer_list watchdog;
	int count;
};

static void snip_timer_fn(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, watchdog);

	p->count++;
}

static void snip_stop(struct snip_priv *p)
{
	timer_delete(&p->watchdog);	/* expect: teardown-async "timer 'p->watchdog' set up in snip_probe() is stopped with timer_delete() in snip_stop(), which does not wait for a running callback; use timer_delete_sync()" */
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	timer_setup(&p->watchdog, snip_timer_fn, 0);
	platform_set_drvdata(pdev, p);
	mod_timer(&p->watchdog, jiffies + HZ);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	snip_stop(platform_get_drvdata(pdev));
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-timer-delete" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
