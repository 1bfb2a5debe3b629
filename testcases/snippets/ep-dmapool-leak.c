/* error path: dma_pool_create() in probe, a later failure returns without dma_pool_destroy() */
/* family: dmapool */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dmapool.h>
#include <linux/dma-mapping.h>

struct snip_priv {
	struct dma_pool *pool;
	int irq;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->pool = dma_pool_create("snip", &pdev->dev, 64, 64, 0);
	if (!p->pool)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)	/* expect: teardown-error-path "DMA pool 'p->pool'" */
		return p->irq;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	dma_pool_destroy(p->pool);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-dmapool-leak" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
