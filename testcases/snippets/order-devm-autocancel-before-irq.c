/* order: devm_work_autocancel() registered before devm_request_irq(): devres frees the IRQ, then cancels the work: silent */
/* family: irq work */
/* expect-stats: managed=2 acquired=0 reported=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/devm-helpers.h>

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
	ret = devm_work_autocancel(&pdev->dev, &p->work, snip_work_fn);
	if (ret)
		return ret;
	ret = devm_request_irq(&pdev->dev, irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
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
	.driver = { .name = "snip-order-devm-autocancel" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
