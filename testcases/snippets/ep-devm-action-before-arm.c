/* error path: a devm action that stops the timer is registered, in a branch, before mod_timer() arms it; devres runs it when a later step fails: silent */
/* family: timer */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
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

static void snip_stop_timer(void *data)
{
	struct snip_priv *p = data;

	timer_shutdown_sync(&p->timer);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	timer_setup(&p->timer, snip_timer_fn, 0);
	if (device_property_read_bool(&pdev->dev, "snip,poll")) {
		ret = devm_add_action_or_reset(&pdev->dev, snip_stop_timer, p);
		if (ret)
			return ret;
		mod_timer(&p->timer, jiffies + HZ);
	}
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	platform_set_drvdata(pdev, p);
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-ep-devm-action-before-arm" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
