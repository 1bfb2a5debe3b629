/* timer: remove stops the timer synchronously inside an if: silent */
/* family: timer */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct snip_priv {
	struct timer_list timer;
	bool polling;
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
	p->polling = device_property_read_bool(&pdev->dev, "snip,polling");
	timer_setup(&p->timer, snip_timer_fn, 0);
	if (p->polling)
		mod_timer(&p->timer, jiffies + HZ);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	if (p->polling)
		timer_delete_sync(&p->timer);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-timer-cond" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
