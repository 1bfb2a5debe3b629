/* timer: drvdata is an embedded member; remove uses container_of() to reach the struct and stops the timer: silent */
/* family: timer */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct snip_core {
	int id;
};

struct snip_priv {
	struct snip_core core;
	struct timer_list timer;
	int count;
};

static void snip_timer_fn(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, timer);

	p->count++;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	timer_setup(&p->timer, snip_timer_fn, 0);
	platform_set_drvdata(pdev, &p->core);
	mod_timer(&p->timer, jiffies + HZ);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_core *core = platform_get_drvdata(pdev);
	struct snip_priv *sp = container_of(core, struct snip_priv, core);

	timer_shutdown_sync(&sp->timer);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-timer-container-of" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
