/* order: the hrtimer .function schedules the tasklet, remove kills the tasklet before hrtimer_cancel() */
/* family: hrtimer tasklet */
/* kernel: <6.15 */	/* hrtimer_init(), gone in 6.15 */
/* expect-stats: acquired=2 released=2 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>

struct snip_priv {
	struct hrtimer hrt;
	struct tasklet_struct bh;
	int count;
};

static void snip_bh(struct tasklet_struct *t)
{
	struct snip_priv *p = from_tasklet(p, t, bh);

	p->count++;
}

static enum hrtimer_restart snip_hrt_fn(struct hrtimer *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, hrt);

	tasklet_schedule(&p->bh);
	return HRTIMER_NORESTART;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	tasklet_setup(&p->bh, snip_bh);
	hrtimer_init(&p->hrt, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	p->hrt.function = snip_hrt_fn;
	platform_set_drvdata(pdev, p);
	hrtimer_start(&p->hrt, ms_to_ktime(10), HRTIMER_MODE_REL);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	tasklet_kill(&p->bh);	/* expect: teardown-order "tasklet 'p->bh' is killed in snip_remove() while hrtimer 'p->hrt' is still live: snip_hrt_fn() can schedule it until hrtimer_cancel() in snip_remove(); stop the hrtimer first" */
	hrtimer_cancel(&p->hrt);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-hrtimer-tasklet" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
