/* order: devm_request_irq() before devm_platform_ioremap_resource(): devres unmaps the registers while the handler can still read them */
/* family: irq mmio */
/* expect-stats: managed=2 acquired=0 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/io.h>

struct snip_regs {
	u32 ctrl;
	u32 status;
	u32 ack;
};

struct snip_priv {
	struct snip_regs __iomem *regs;
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;
	struct snip_regs __iomem *regs = p->regs;
	u32 status = readl(&regs->status);

	if (!status)
		return IRQ_NONE;
	writel(status, &regs->ack);
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
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, snip_isr, IRQF_SHARED, "snip", p);
	if (ret)
		return ret;
	p->regs = devm_platform_ioremap_resource(pdev, 0);	/* expect: teardown-order "MMIO mapping 'p->regs' is unmapped by devres while IRQ handler 'p' is still live: snip_isr() can access it until devres releases it after snip_remove() returns" */
	if (IS_ERR(p->regs))
		return PTR_ERR(p->regs);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->count = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-devm-mmio-after-irq" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
