/* mmio: devm_ioremap() and devm_platform_ioremap_resource() are released by devres: silent */
/* family: mmio */
/* expect-stats: managed=2 acquired=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>

struct snip_priv {
	void __iomem *regs;
	void __iomem *aux;
	int count;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct resource *res;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(p->regs))
		return PTR_ERR(p->regs);
	res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	if (!res)
		return -ENODEV;
	p->aux = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!p->aux)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	writel(0, p->regs);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-mmio-devm" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
