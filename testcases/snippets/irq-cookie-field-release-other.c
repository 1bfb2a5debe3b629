/* irq: requested with a host object as cookie, freed with the private struct as cookie: another object, the IRQ requested leaks */
/* family: irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_host {
	int count;
};

struct snip_priv {
	struct snip_host *host;
	int irq;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_host *host = data;

	host->count++;
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct snip_host *host;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	host = devm_kzalloc(&pdev->dev, sizeof(*host), GFP_KERNEL);
	if (!p || !host)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	ret = request_irq(p->irq, snip_isr, 0, "snip", host);	/* expect: teardown-irq "host" */
	if (ret)
		return ret;
	p->host = host;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	free_irq(p->irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-irq-cookie-field-release-other" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
