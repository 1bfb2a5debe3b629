/* irq: two IRQs share the cookie; remove frees only the wake IRQ, not the one whose number was copied: the first leaks */
/* family: irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	int main_irq;
	int irq;
	int wake_irq;
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
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->main_irq = platform_get_irq(pdev, 0);
	p->wake_irq = platform_get_irq(pdev, 1);
	if (p->main_irq < 0 || p->wake_irq < 0)
		return -ENXIO;
	ret = request_irq(p->main_irq, snip_isr, IRQF_SHARED, "snip", p);	/* expect: teardown-irq */
	if (ret)
		return ret;
	p->irq = p->main_irq;
	ret = request_irq(p->wake_irq, snip_isr, 0, "snip-wake", p);
	if (ret) {
		free_irq(p->irq, p);
		return ret;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	free_irq(p->wake_irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-irq-number-copied-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
