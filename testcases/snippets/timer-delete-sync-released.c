/* timer: timer_setup() in probe, timer_delete_sync() in remove: silent */
/* family: timer */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct snip_priv {
	struct timer_list timer;
	int count;
};

static void snip_tick(struct timer_list *t)
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
	timer_setup(&p->timer, snip_tick, 0);
	mod_timer(&p->timer, jiffies + HZ);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	timer_delete_sync(&p->timer);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-timer-delete-sync" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
