/* timer: remove stops the timer with del_timer(), which does not wait for a running callback */
/* family: timer */
/* kernel: <6.15 */	/* del_timer(), gone in 6.15 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/timer.h>

struct snip_priv {
	struct timer_list t;
	int count;
};

static void snip_timer_fn(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, t);

	p->count++;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	timer_setup(&p->t, snip_timer_fn, 0);
	platform_set_drvdata(pdev, p);
	mod_timer(&p->t, jiffies + HZ);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	del_timer(&p->t);	/* expect: teardown-async "timer 'p->t' set up in snip_probe() is stopped with del_timer() in snip_remove(), which does not wait for a running callback; use timer_delete_sync()" */
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-timer-del-timer" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
