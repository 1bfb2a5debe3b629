/* work: queued only on a private workqueue that remove destroys (which drains it): silent */
/* family: work workqueue */
/* expect-stats: acquired=2 released=2 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct workqueue_struct *wq;
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
	p->wq = alloc_workqueue("snip", WQ_UNBOUND, 0);
	if (!p->wq)
		return -ENOMEM;
	INIT_WORK(&p->work, snip_work_fn);
	platform_set_drvdata(pdev, p);
	queue_work(p->wq, &p->work);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);

	destroy_workqueue(priv->wq);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-private-wq" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
