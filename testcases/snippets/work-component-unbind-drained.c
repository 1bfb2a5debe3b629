/* work: queued only on a workqueue that the component .unbind callback destroys, run by component_master_del() in remove: silent, counted */
/* family: work */
/* expect-stats: released_elsewhere=1 reported=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/component.h>
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

static int snip_bind(struct device *dev)
{
	struct snip_priv *p = dev_get_drvdata(dev);

	p->wq = alloc_ordered_workqueue("snip", 0);
	if (!p->wq)
		return -ENOMEM;
	queue_work(p->wq, &p->work);
	return 0;
}

static void snip_unbind(struct device *dev)
{
	struct snip_priv *p = dev_get_drvdata(dev);

	destroy_workqueue(p->wq);
}

static const struct component_master_ops snip_ops = {
	.bind = snip_bind,
	.unbind = snip_unbind,
};

static int snip_compare(struct device *dev, void *data)
{
	return dev == data;
}

static int snip_probe(struct platform_device *pdev)
{
	struct component_match *match = NULL;
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_WORK(&p->work, snip_work_fn);
	platform_set_drvdata(pdev, p);
	component_match_add(&pdev->dev, &match, snip_compare, &pdev->dev);
	return component_master_add_with_match(&pdev->dev, &snip_ops, match);
}

static void snip_remove(struct platform_device *pdev)
{
	component_master_del(&pdev->dev, &snip_ops);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-component-unbind" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
