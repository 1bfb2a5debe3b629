/* error path: hrtimer_start() in probe, a later failure returns without hrtimer_cancel() */
/* family: hrtimer */
/* kernel: <6.15 */	/* hrtimer_init(), gone in 6.15 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>

struct snip_priv {
	struct hrtimer hrt;
	int irq;
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
	hrtimer_start(&p->hrt, ms_to_ktime(10), HRTIMER_MODE_REL);
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)	/* expect: teardown-error-path "hrtimer 'p->hrt'" */
		return p->irq;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	hrtimer_cancel(&p->hrt);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-hrtimer-started" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
