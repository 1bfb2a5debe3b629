/* dwork: queued with a delay only on a private workqueue that remove destroys: destroy_workqueue() does not wait for the pending timer, which later queues onto the destroyed queue: reported */
/* family: dwork workqueue */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct workqueue_struct *wq;
	struct delayed_work work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(to_delayed_work(work), struct snip_priv, work);

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
	INIT_DELAYED_WORK(&p->work, snip_work_fn);	/* expect: teardown-work "delayed work 'p->work'" */
	platform_set_drvdata(pdev, p);
	queue_delayed_work(p->wq, &p->work, HZ);
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
	.driver = { .name = "snip-dwork-private-wq-pending" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
