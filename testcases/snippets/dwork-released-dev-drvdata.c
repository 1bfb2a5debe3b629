/* delayed work: remove finds the struct with dev_get_drvdata() under another name and cancels synchronously */
/* family: dwork */
/* expect-stats: acquired=1 released=1 */
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
	dev_set_drvdata(&pdev->dev, p);
	queue_delayed_work(system_wq, &p->poll, HZ);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *data = dev_get_drvdata(&pdev->dev);

	cancel_delayed_work_sync(&data->poll);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-dwork-released" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
