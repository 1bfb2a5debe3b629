/* order: priv is devm-allocated after the managed IRQ whose handler uses it: devres frees it first */
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
	ret = devm_request_irq(&pdev->dev, irq, snip_isr, 0, "snip", pdev);
	if (ret)
		return ret;
	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);	/* expect: teardown-use-after-free "struct snip_priv allocated with devm_kzalloc() in snip_probe() is freed by devres while IRQ handler 'pdev', which uses it, can still run snip_isr(); allocate it before acquiring the IRQ handler" */
	if (!p)
		return -ENOMEM;
	spin_lock_init(&p->lock);
	platform_set_drvdata(pdev, p);
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-devm-memory-after-irq" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
/* expect-stats: managed=1 reported=1 */
