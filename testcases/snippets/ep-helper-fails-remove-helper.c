/* error path: a helper registers the GPIO block (mapping its registers) and later fails; remove() undoes it all with one helper, and the fix names that helper, not the bare iounmap() that would leave the block using unmapped registers (sm501, docs/found/0023) */
/* family: mmio */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

#define SNIP_GPIO_DATA	0x00
#define SNIP_CLOCKS	0x3c

struct snip_priv {
	struct platform_device *pdev;
	void __iomem *gpio_regs;
	u32 clocks;
};

static int snip_register_gpio(struct snip_priv *p)
{
	p->gpio_regs = ioremap(0xfe010000, 0x20);
	if (!p->gpio_regs)
		return -ENOMEM;
	writel(0, p->gpio_regs + SNIP_GPIO_DATA);
	return 0;
}

static void snip_gpio_remove(struct snip_priv *p)
{
	writel(0, p->gpio_regs + SNIP_GPIO_DATA);
	iounmap(p->gpio_regs);
}

static void snip_dev_remove(struct snip_priv *p)
{
	snip_gpio_remove(p);
}

static int snip_init_dev(struct snip_priv *p)
{
	int ret;

	ret = snip_register_gpio(p);
	if (ret)
		return ret;
	p->clocks = readl(p->gpio_regs + SNIP_CLOCKS);
	if (p->clocks & 1)
		return -EINVAL;
	return 0;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->pdev = pdev;
	ret = snip_init_dev(p);
	if (ret)	/* expect: teardown-error-path "call snip_dev_remove(), with which snip_remove() releases it, where snip_init_dev() fails at line 46, or add iounmap(p->gpio_regs) to this error path" */
		return ret;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	snip_dev_remove(p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-helper-fails-remove-helper" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
