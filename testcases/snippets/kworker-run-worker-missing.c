/* kthread worker: kthread_run_worker() in probe, remove never destroys it */
/* family: kworker */
/* kernel: >=6.14 */	/* kthread_run_worker(), new in 6.14 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/kthread.h>

struct snip_priv {
	struct kthread_worker *worker;
	int count;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->worker = kthread_run_worker(0, "snip");	/* expect: teardown-kthread "kthread worker 'p->worker' created in snip_probe() is never destroyed on remove; add kthread_destroy_worker(p->worker) to snip_remove()" */
	if (IS_ERR(p->worker))
		return PTR_ERR(p->worker);
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
	.driver = { .name = "snip-kworker-run-worker-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
