/* irq: the cookie is the private struct, read from a void * field (hw->priv) at request and from drvdata at free: the same object, silent */
/* family: irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_hw {
	void *priv;
};

struct snip_priv {
	struct snip_hw *hw;
	int irq;
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count++;
	return IRQ_HANDLED;
}

static int snip_setup(struct snip_hw *hw, int irq)
{
	struct snip_priv *p = hw->priv;

	p->irq = irq;
	return request_irq(p->irq, snip_isr, 0, "snip", p);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct snip_hw *hw;
	int irq;

	hw = devm_kzalloc(&pdev->dev, sizeof(*hw), GFP_KERNEL);
	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!hw || !p)
		return -ENOMEM;
	hw->priv = p;
	p->hw = hw;
	platform_set_drvdata(pdev, p);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	return snip_setup(hw, irq);
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	free_irq(p->irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-irq-cookie-void-field" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
