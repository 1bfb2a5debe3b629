/* error path: kthread_create_worker() in probe, a later failure returns without kthread_destroy_worker() */
/* family: kworker */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/kthread.h>

struct snip_priv {
	struct kthread_worker *worker;
	int irq;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->worker = kthread_create_worker(0, "snip");
	if (IS_ERR(p->worker))
		return PTR_ERR(p->worker);
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)	/* expect: teardown-error-path "kthread worker 'p->worker'" */
		return p->irq;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	kthread_destroy_worker(p->worker);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-kworker-leak" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
