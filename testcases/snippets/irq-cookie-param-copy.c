/* irq: the cookie is the device, passed once through the copy probe keeps in a field (p->pdev) and freed through remove's own parameter: the same cookie, silent */
/* family: irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	struct platform_device *pdev;
	int irq;
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct platform_device *pdev = data;
	struct snip_priv *p = platform_get_drvdata(pdev);

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
	p->pdev = pdev;
	platform_set_drvdata(pdev, p);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = request_irq(irq, snip_isr, 0, "snip", p->pdev);
	if (ret)
		return ret;
	p->irq = irq;
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	free_irq(p->irq, pdev);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-irq-cookie-param-copy" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
