/* work: a work whose callback frees the struct holding it is how that struct goes: remove() and a failing probe queue it on purpose; cancelling it would leak the struct: silent on the error path, low confidence on remove */
/* family: work */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_obj {
	struct work_struct free_work;
	int count;
};

struct snip_priv {
	struct snip_obj *obj;
	int irq;
};

static void snip_obj_free(struct work_struct *work)
{
	struct snip_obj *o = container_of(work, struct snip_obj, free_work);

	kfree(o);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct snip_obj *o;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	o = kzalloc(sizeof(*o), GFP_KERNEL);
	if (!o)
		return -ENOMEM;
	INIT_WORK(&o->free_work, snip_obj_free);	/* expect: teardown-work "o->free_work" */
	p->obj = o;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0) {
		schedule_work(&o->free_work);
		return p->irq;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	schedule_work(&p->obj->free_work);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-self-freeing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
