/* irq: devm_request_irq() and devm_request_threaded_irq() are freed by devres: silent */
/* family: irq */
/* expect-stats: managed=2 acquired=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count++;
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
	ret = devm_request_irq(&pdev->dev, irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	irq = platform_get_irq(pdev, 1);
	if (irq < 0)
		return irq;
	ret = devm_request_threaded_irq(&pdev->dev, irq, NULL, snip_isr, IRQF_ONESHOT, "snip-thr", p);
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
	.driver = { .name = "snip-irq-devm" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
