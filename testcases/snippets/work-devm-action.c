/* work: devm_add_action_or_reset() registers a callback that cancels the work: silent */
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

static void snip_cancel_work(void *data)
{
	struct snip_priv *priv = data;

	cancel_work_sync(&priv->work);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_WORK(&p->work, snip_work_fn);
	ret = devm_add_action_or_reset(&pdev->dev, snip_cancel_work, p);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, p);
	schedule_work(&p->work);
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
	.driver = { .name = "snip-work-devm-action" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
