/* mmio: of_iomap() in a probe helper, iounmap() in a helper remove calls: silent */
/* family: mmio */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of_address.h>
#include <linux/slab.h>
#include <linux/io.h>

struct snip_priv {
	void __iomem *base;
	int count;
};

static int snip_map(struct snip_priv *p, struct device_node *np)
{
	p->base = of_iomap(np, 0);
	return p->base ? 0 : -ENOMEM;
}

static void snip_unmap(struct snip_priv *s)
{
	iounmap(s->base);
	s->base = NULL;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = snip_map(p, pdev->dev.of_node);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);

	snip_unmap(priv);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-mmio-of-released" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
