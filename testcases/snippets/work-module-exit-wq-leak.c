/* work: queued on the module's workqueue, which only module_exit destroys; remove never cancels it, so it can run after unbind: reported */
/* family: work */
/* expect-stats: released_elsewhere=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

static struct workqueue_struct *snip_wq;

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
	INIT_WORK(&p->work, snip_work_fn);	/* expect: teardown-work "work 'p->work'" */
	platform_set_drvdata(pdev, p);
	queue_work(snip_wq, &p->work);
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
	.driver = { .name = "snip-work-module-exit-wq" },
};

static int __init snip_init(void)
{
	int ret;

	snip_wq = alloc_workqueue("snip", 0, 0);
	if (!snip_wq)
		return -ENOMEM;
	ret = platform_driver_register(&snip_driver);
	if (ret)
		destroy_workqueue(snip_wq);
	return ret;
}
module_init(snip_init);

static void __exit snip_exit(void)
{
	platform_driver_unregister(&snip_driver);
	destroy_workqueue(snip_wq);
}
module_exit(snip_exit);
MODULE_LICENSE("GPL");
