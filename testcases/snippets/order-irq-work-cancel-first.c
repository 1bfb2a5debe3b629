/* order: the IRQ handler queues the work, remove cancels the work before free_irq() */
/* family: irq work */
/* expect-stats: acquired=2 released=2 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct work_struct work;
	int irq;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count++;
}

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	schedule_work(&p->work);
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
	INIT_WORK(&p->work, snip_work_fn);
	ret = request_irq(p->irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	cancel_work_sync(&p->work);	/* expect: teardown-order "work 'p->work' is cancelled in snip_remove() while IRQ handler 'p' is still live: snip_isr() can queue it until free_irq() in snip_remove(); stop the IRQ handler first, or stop 'p->work' with disable_work_sync(), after which nothing can queue it again" */
	free_irq(p->irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-irq-work" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
