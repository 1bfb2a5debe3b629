/* error path: probe ends with return snip_register() after request_irq(); whether it failed is unknown: silent, counted */
/* family: irq */
/* expect-stats: error_undecided=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>

struct snip_priv {
	struct miscdevice misc;
	int irq;
	int count;
};

static const struct file_operations snip_fops = {
	.owner = THIS_MODULE,
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count++;
	return IRQ_HANDLED;
}

static int snip_register(struct snip_priv *p)
{
	p->misc.minor = MISC_DYNAMIC_MINOR;
	p->misc.name = "snip";
	p->misc.fops = &snip_fops;
	return misc_register(&p->misc);
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
	platform_set_drvdata(pdev, p);
	return snip_register(p);
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	misc_deregister(&p->misc);
	free_irq(p->irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-return-register" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
