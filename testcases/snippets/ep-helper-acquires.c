/* error path: a same-file helper requests the IRQ, a later failure in probe returns without freeing it */
/* family: irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/clk.h>

struct snip_priv {
	struct clk *clk;
	int irq;
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count++;
	return IRQ_HANDLED;
}

static int snip_setup_irq(struct platform_device *pdev, struct snip_priv *p)
{
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	return request_irq(p->irq, snip_isr, 0, dev_name(&pdev->dev), p);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = snip_setup_irq(pdev, p);
	if (ret)
		return ret;
	p->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(p->clk))	/* expect: teardown-error-path "IRQ handler 'p'" */
		return PTR_ERR(p->clk);
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
	.driver = { .name = "snip-ep-helper-acquires" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
