/* workqueue: the DRM-managed action that destroys the queue is registered only after a failure exit, which leaks it */
/* family: workqueue */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <drm/drm_drv.h>
#include <drm/drm_managed.h>

struct snip_priv {
	struct drm_device *drm;
	struct workqueue_struct *wq;
	int irq;
	int count;
};

static const struct drm_driver snip_drm_driver = {
	.name = "snip",
};

static void snip_wq_release(struct drm_device *drm, void *data)
{
	struct snip_priv *p = data;

	destroy_workqueue(p->wq);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->drm = drm_dev_alloc(&snip_drm_driver, &pdev->dev);
	if (IS_ERR(p->drm))
		return PTR_ERR(p->drm);
	p->wq = alloc_ordered_workqueue("snip", 0);
	if (!p->wq) {
		ret = -ENOMEM;
		goto put;
	}
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0) {	/* expect: teardown-error-path "workqueue 'p->wq'" */
		ret = p->irq;
		goto put;
	}
	ret = drmm_add_action_or_reset(p->drm, snip_wq_release, p);
	if (ret)
		goto put;
	ret = drm_dev_register(p->drm, 0);
	if (ret)
		goto put;
	platform_set_drvdata(pdev, p);
	return 0;
put:
	drm_dev_put(p->drm);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	drm_dev_unregister(p->drm);
	drm_dev_put(p->drm);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-wq-drmm-action-late" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
