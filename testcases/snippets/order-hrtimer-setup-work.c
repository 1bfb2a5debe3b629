/* order: the callback passed to hrtimer_setup() queues work; remove cancels the work before the hrtimer */
/* family: hrtimer work */
/* kernel: >=6.13 */	/* hrtimer_setup(), new in 6.13 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct hrtimer hrt;
	struct work_struct work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count++;
}

static enum hrtimer_restart snip_hrt_fn(struct hrtimer *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, hrt);

	schedule_work(&p->work);
	return HRTIMER_NORESTART;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_WORK(&p->work, snip_work_fn);
	hrtimer_setup(&p->hrt, snip_hrt_fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hrtimer_start(&p->hrt, ms_to_ktime(10), HRTIMER_MODE_REL);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	cancel_work_sync(&p->work);	/* expect: teardown-order "work 'p->work' is cancelled in snip_remove() while hrtimer 'p->hrt' is still live" */
	hrtimer_cancel(&p->hrt);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-hrtimer-setup-work" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
