/* dma pool: created in a probe helper, destroyed in a helper remove calls: silent */
/* family: dmapool */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dmapool.h>

struct snip_priv {
	struct dma_pool *pool;
	int count;
};

static int snip_alloc_pool(struct snip_priv *p, struct device *dev)
{
	p->pool = dma_pool_create("snip", dev, 64, 8, 0);
	return p->pool ? 0 : -ENOMEM;
}

static void snip_free_pool(struct snip_priv *p)
{
	dma_pool_destroy(p->pool);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = snip_alloc_pool(p, &pdev->dev);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	snip_free_pool(platform_get_drvdata(pdev));
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-dmapool-helper" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
