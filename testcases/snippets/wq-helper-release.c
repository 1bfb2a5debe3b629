/* workqueue: alloc_ordered_workqueue() in probe, destroyed by a helper remove calls: silent */
/* family: workqueue */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct workqueue_struct *wq;
	int count;
};

static void snip_free_queues(struct snip_priv *ctx)
{
	destroy_workqueue(ctx->wq);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->wq = alloc_ordered_workqueue("snip", 0);
	if (!p->wq)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);

	snip_free_queues(priv);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-wq-helper" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
