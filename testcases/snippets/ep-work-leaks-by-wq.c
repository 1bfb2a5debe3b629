/* error path: work queued on the system workqueue is not drained by destroying a private one: the failure leaks it */
/* family: work workqueue */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct workqueue_struct *wq;
	struct work_struct work;
	int irq;
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
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->wq = alloc_ordered_workqueue("snip", 0);
	if (!p->wq)
		return -ENOMEM;
	INIT_WORK(&p->work, snip_work_fn);
	schedule_work(&p->work);
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0) {	/* expect: teardown-error-path "work 'p->work'" */
		ret = p->irq;
		goto err_wq;
	}
	platform_set_drvdata(pdev, p);
	return 0;
err_wq:
	destroy_workqueue(p->wq);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	cancel_work_sync(&p->work);
	destroy_workqueue(p->wq);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-work-leaks-by-wq" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
