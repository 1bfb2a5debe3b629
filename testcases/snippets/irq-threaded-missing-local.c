/* irq: request_threaded_irq() on a local irq number; remove never frees it */
/* family: irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	int count;
};

static irqreturn_t snip_thread(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count++;
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int irq;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	platform_set_drvdata(pdev, p);
	return request_threaded_irq(irq, NULL, snip_thread, IRQF_ONESHOT, "snip", p);	/* expect: teardown-irq "IRQ handler 'p' requested in snip_probe() is never freed on remove" */
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->count = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-irq-threaded-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
