/* timer: module_platform_driver_probe() passes probe as an argument; remove never stops the timer */
/* family: timer */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct snip_priv {
	struct timer_list timer;
	int count;
};

static void snip_timer_fn(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, timer);

	p->count++;
}

static int __init snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	timer_setup(&p->timer, snip_timer_fn, 0);	/* expect: teardown-timer "timer 'p->timer' set up in snip_probe() is never stopped synchronously on remove" */
	platform_set_drvdata(pdev, p);
	mod_timer(&p->timer, jiffies + HZ);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->count = 0;
}

static struct platform_driver snip_driver = {
	.remove = snip_remove,
	.driver = { .name = "snip-timer-drv-probe" },
};
module_platform_driver_probe(snip_driver, snip_probe);
MODULE_LICENSE("GPL");
