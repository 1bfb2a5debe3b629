/* workqueue: alloc_ordered_workqueue() in probe, destroy_workqueue() in remove: silent */
/* family: workqueue */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct workqueue_struct *wq;
	int count;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->wq = alloc_ordered_workqueue("snip-%d", WQ_MEM_RECLAIM, pdev->id);
	if (!p->wq)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	destroy_workqueue(p->wq);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-wq-ordered-destroyed" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
