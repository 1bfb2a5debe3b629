/* order: the threaded IRQ handler schedules delayed work, remove cancels it before free_irq() */
/* family: irq dwork */
/* expect-stats: acquired=2 released=2 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct delayed_work poll;
	int irq;
	int count;
};

static void snip_poll_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(to_delayed_work(work), struct snip_priv, poll);

	p->count++;
}

static irqreturn_t snip_hard(int irq, void *data)
{
	return IRQ_WAKE_THREAD;
}

static irqreturn_t snip_thread(int irq, void *data)
{
	struct snip_priv *p = data;

	schedule_delayed_work(&p->poll, HZ / 10);
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	INIT_DELAYED_WORK(&p->poll, snip_poll_fn);
	ret = request_threaded_irq(p->irq, snip_hard, snip_thread, IRQF_ONESHOT, "snip", p);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	cancel_delayed_work_sync(&p->poll);	/* expect: teardown-order "delayed work 'p->poll' is cancelled in snip_remove() while IRQ handler 'p' is still live: snip_thread() can queue it until free_irq() in snip_remove()" */
	free_irq(p->irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-irq-threaded" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
