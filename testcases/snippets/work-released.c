/* work: remove cancels the work synchronously through platform_get_drvdata under another name */
/* family: work */
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

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_WORK(&p->work, snip_work_fn);
	platform_set_drvdata(pdev, p);
	schedule_work(&p->work);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);

	cancel_work_sync(&priv->work);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-released" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
