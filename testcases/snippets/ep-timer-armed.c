/* error path: mod_timer() arms the watchdog timer in probe, a later failure returns without timer_delete_sync() */
/* family: timer */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

struct snip_priv {
	struct timer_list timer;
	int irq;
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
	mod_timer(&p->timer, jiffies + HZ);
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)	/* expect: teardown-error-path "timer 'p->timer'" */
		return p->irq;
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
	.driver = { .name = "snip-ep-timer-armed" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
