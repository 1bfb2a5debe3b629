/* irq: request_irq() in probe, remove (another variable name) never frees it */
/* family: irq */
/* expect-fixit: "free_irq(priv->irq, priv);" */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	int irq;
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
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	ret = request_irq(p->irq, snip_isr, 0, "snip", p);	/* expect: teardown-irq "IRQ handler 'p' requested in snip_probe() is never freed on remove; add free_irq(priv->irq, priv) to snip_remove()" */
	if (ret)
		return ret;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);

	disable_irq(priv->irq);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-irq-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
