/* async: remove() takes a scoped_guard() before timer_delete(); spatch needs cocci/macros.h to see it */
/* family: timer */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/timer.h>
#include <linux/cleanup.h>
#include <linux/mutex.h>

struct snip_priv {
	struct timer_list t;
	struct mutex lock;
	int n;
};

static void snip_fn(struct timer_list *t)
{
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	timer_setup(&p->t, snip_fn, 0);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	scoped_guard(mutex, &p->lock) {
		p->n = 0;
	}
	timer_delete(&p->t);	/* expect: teardown-async "use timer_delete_sync()" */
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = {
		.name = "snip-timer-async-scoped-guard",
	},
};
module_platform_driver(snip_driver);

MODULE_LICENSE("GPL");
