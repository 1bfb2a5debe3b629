/* error path: request_irq() only when p->use_irq, the error path frees it under the same test: silent */
/* family: irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/property.h>

struct snip_priv {
	bool use_irq;
	int irq;
	u32 channels;
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
	p->use_irq = device_property_read_bool(&pdev->dev, "snip,use-irq");
	if (p->use_irq) {
		p->irq = platform_get_irq(pdev, 0);
		if (p->irq < 0)
			return p->irq;
		ret = request_irq(p->irq, snip_isr, 0, "snip", p);
		if (ret)
			return ret;
	}
	ret = device_property_read_u32(&pdev->dev, "snip,channels", &p->channels);
	if (ret)
		goto err_irq;
	platform_set_drvdata(pdev, p);
	return 0;

err_irq:
	if (p->use_irq)
		free_irq(p->irq, p);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	if (p->use_irq)
		free_irq(p->irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-irq-conditional" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
