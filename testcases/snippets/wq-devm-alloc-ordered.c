/* workqueue: devm_alloc_ordered_workqueue() in probe: devres destroys it, remove owes nothing: silent */
/* family: workqueue */
/* kernel: >=7.1 */	/* devm_alloc_workqueue(), new in 7.1 */
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
	p->wq = devm_alloc_ordered_workqueue(&pdev->dev, "snip", 0);
	if (!p->wq)
		return -ENOMEM;
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
	.driver = { .name = "snip-wq-devm-alloc-ordered" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
