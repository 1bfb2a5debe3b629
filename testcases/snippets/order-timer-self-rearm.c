/* order: a timer callback re-arms its own timer; timer_delete_sync() waits it out and deletes the re-armed timer, so this is deliberately not reported: silent */
/* family: timer */
/* expect-stats: acquired=1 released=1 reported=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct snip_priv {
	struct timer_list poll;
	int count;
};

static void snip_poll(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, poll);

	p->count++;
	mod_timer(&p->poll, jiffies + HZ);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	timer_setup(&p->poll, snip_poll, 0);
	platform_set_drvdata(pdev, p);
	mod_timer(&p->poll, jiffies + HZ);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	timer_delete_sync(&p->poll);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-timer-self-rearm" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
