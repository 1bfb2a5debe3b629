/* work: initialised in a probe helper, cancelled in a helper remove calls */
/* family: work */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct work_struct work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count++;
}

static void snip_init_hw(struct snip_priv *p)
{
	INIT_WORK(&p->work, snip_work_fn);
	p->count = 1;
}

static void snip_stop_hw(struct snip_priv *ctx)
{
	cancel_work_sync(&ctx->work);
	ctx->count = 0;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	snip_init_hw(p);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	snip_stop_hw(platform_get_drvdata(pdev));
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-helper-release" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
