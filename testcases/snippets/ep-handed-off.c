/* error path: probe hands the private struct to a setup function of another file before failing: silent, counted */
/* family: irq */
/* expect-stats: handed_off=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	int irq;
	int count;
};

/* defined in another file of the driver: may well free the IRQ when it fails */
int snip_other_file_setup(struct snip_priv *p);

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
	ret = request_irq(p->irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	ret = snip_other_file_setup(p);
	if (ret)
		return ret;
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
	.driver = { .name = "snip-ep-handed-off" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
