/* order: devm_request_irq() handler queues the work, remove cancels it, devres frees the IRQ only afterwards */
/* family: irq work */
/* expect-stats: managed=1 acquired=1 released=1 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct work_struct work;
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
	int irq, ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	INIT_WORK(&p->work, snip_work_fn);
	ret = devm_request_irq(&pdev->dev, irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	cancel_work_sync(&p->work);	/* expect: teardown-devm-order "work 'p->work' is cancelled in snip_remove() while managed IRQ handler 'p' is still live: snip_isr() can queue it until devres releases it after snip_remove() returns; release the IRQ handler explicitly first, or make 'p->work' managed as well" */
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-devm-irq-work" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
