/* delayed work: remove uses cancel_delayed_work(), which does not wait for a running callback */
/* family: dwork */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct delayed_work poll;
	int count;
};

static void snip_poll_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(to_delayed_work(work), struct snip_priv, poll);

	p->count++;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_DELAYED_WORK(&p->poll, snip_poll_fn);
	platform_set_drvdata(pdev, p);
	schedule_delayed_work(&p->poll, HZ);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	cancel_delayed_work(&p->poll);	/* expect: teardown-async "delayed work 'p->poll' initialised in snip_probe() is stopped with cancel_delayed_work() in snip_remove(), which does not wait for a running callback; use cancel_delayed_work_sync()" */
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-dwork-async" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
