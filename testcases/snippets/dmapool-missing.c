/* dma pool: dma_pool_create() in probe, remove never destroys the pool */
/* family: dmapool */
/* expect-fixit: "dma_pool_destroy(p->pool);" */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dmapool.h>

struct snip_priv {
	struct dma_pool *pool;
	int count;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->pool = dma_pool_create("snip", &pdev->dev, 64, 8, 0);	/* expect: teardown-dma "DMA pool 'p->pool' created in snip_probe() is never destroyed on remove; add dma_pool_destroy(p->pool) to snip_remove()" */
	if (!p->pool)
		return -ENOMEM;
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
	.driver = { .name = "snip-dmapool-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
