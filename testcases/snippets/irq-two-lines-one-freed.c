/* irq: two IRQ lines share one dev_id cookie; remove frees only the first */
/* family: irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	int rx_irq;
	int tx_irq;
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
	p->rx_irq = platform_get_irq(pdev, 0);
	if (p->rx_irq < 0)
		return p->rx_irq;
	p->tx_irq = platform_get_irq(pdev, 1);
	if (p->tx_irq < 0)
		return p->tx_irq;
	ret = request_irq(p->rx_irq, snip_isr, 0, "snip-rx", p);
	if (ret)
		return ret;
	ret = request_irq(p->tx_irq, snip_isr, 0, "snip-tx", p);	/* expect: teardown-irq "IRQ handler 'p' requested in snip_probe() is never freed on remove; add free_irq(p->tx_irq, p)" */
	if (ret) {
		free_irq(p->rx_irq, p);
		return ret;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	free_irq(p->rx_irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-irq-two" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
