/* timer: remove() frees the struct holding the timer and never stops it: the fix goes before the kfree(), not at the end where the timer is gone */
/* family: timer */
/* expect-fixit: "{42:1-42:1}" */	/* the line of kfree(p) */
/* expect-no-fixit: "{44:1-44:1}" */	/* remove()'s closing brace */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

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

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	timer_setup(&p->poll, snip_poll, 0);	/* expect: teardown-timer "p->poll" */
	mod_timer(&p->poll, jiffies + HZ);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->count = 0;
	kfree(p);
	dev_info(&pdev->dev, "removed\n");
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-timer-fixit-before-free" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
