/* kthread: kthread_run() in probe, stopped in remove inside an if: silent */
/* family: kthread */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/kthread.h>
#include <linux/delay.h>

struct snip_priv {
	struct task_struct *task;
	int count;
};

static int snip_thread_fn(void *data)
{
	struct snip_priv *p = data;

	while (!kthread_should_stop()) {
		p->count++;
		msleep(100);
	}
	return 0;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->task = kthread_run(snip_thread_fn, p, "snip");
	if (IS_ERR(p->task))
		return PTR_ERR(p->task);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);

	if (priv->task)
		kthread_stop(priv->task);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-kthread-stopped" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
