/* order: priv is devm-allocated before the managed IRQ whose handler uses it: freed after the IRQ, silent */
/* family: memory irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct snip_priv {
	spinlock_t lock;
	unsigned long count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct platform_device *pdev = data;
	struct snip_priv *p = platform_get_drvdata(pdev);

	spin_lock(&p->lock);
	p->count++;
	spin_unlock(&p->lock);
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int irq, ret;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	spin_lock_init(&p->lock);
	platform_set_drvdata(pdev, p);
	ret = devm_request_irq(&pdev->dev, irq, snip_isr, 0, "snip", pdev);
	if (ret)
		return ret;
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-devm-memory-before-irq" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
/* expect-stats: managed=1 reported=0 */
