/* hrtimer: hrtimer_setup() with its callback in probe, remove never cancels it */
/* family: hrtimer */
/* kernel: >=6.13 */	/* hrtimer_setup(), new in 6.13 */
/* expect-fixit: "hrtimer_cancel(&p->hrt);" */
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
	hrtimer_setup(&p->hrt, snip_hrt_fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL);	/* expect: teardown-hrtimer "hrtimer 'p->hrt' initialised in snip_probe() is never cancelled on remove; add hrtimer_cancel(&p->hrt) to snip_remove()" */
	hrtimer_start(&p->hrt, ms_to_ktime(10), HRTIMER_MODE_REL);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->count = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-hrtimer-setup-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
