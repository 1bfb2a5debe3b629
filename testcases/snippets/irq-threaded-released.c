/* irq: request_threaded_irq() in probe, free_irq() in remove via dev_get_drvdata(): silent */
/* family: irq */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	int irq;
	int count;
};

static irqreturn_t snip_hard(int irq, void *data)
{
	return IRQ_WAKE_THREAD;
}

static irqreturn_t snip_thread(int irq, void *data)
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
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	ret = request_threaded_irq(p->irq, snip_hard, snip_thread, IRQF_ONESHOT, "snip", p);
	if (ret)
		return ret;
	dev_set_drvdata(&pdev->dev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *st = dev_get_drvdata(&pdev->dev);

	free_irq(st->irq, st);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-irq-threaded" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
