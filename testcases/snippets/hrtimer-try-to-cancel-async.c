/* hrtimer: remove uses hrtimer_try_to_cancel(), which does not wait for a running callback */
/* family: hrtimer */
/* kernel: <6.15 */	/* hrtimer_init(), gone in 6.15 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/hrtimer.h>

struct snip_priv {
	struct hrtimer hrt;
	int count;
};

static enum hrtimer_restart snip_hrt_fn(struct hrtimer *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, hrt);

	p->count++;
	return HRTIMER_NORESTART;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	hrtimer_init(&p->hrt, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	p->hrt.function = snip_hrt_fn;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	hrtimer_try_to_cancel(&p->hrt);	/* expect: teardown-async "hrtimer 'p->hrt' initialised in snip_probe() is stopped with hrtimer_try_to_cancel() in snip_remove(), which does not wait for a running callback; use hrtimer_cancel()" */
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-hrtimer-try" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
