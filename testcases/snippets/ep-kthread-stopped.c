/* error path: kthread_run() checked with IS_ERR(), a later failure stops the thread before returning: silent */
/* family: kthread */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/kthread.h>
#include <linux/delay.h>

struct snip_priv {
	struct task_struct *task;
	int irq;
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
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0) {
		kthread_stop(p->task);
		return p->irq;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	kthread_stop(p->task);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-kthread-stopped" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
