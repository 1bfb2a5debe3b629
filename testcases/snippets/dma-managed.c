/* dma: dmam_alloc_coherent() and dmam_pool_create() are released by devres: silent */
/* family: dma dmapool */
/* expect-stats: managed=2 acquired=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>

struct snip_priv {
	void *ring;
	dma_addr_t ring_dma;
	struct dma_pool *pool;
	int count;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->ring = dmam_alloc_coherent(&pdev->dev, 4096, &p->ring_dma, GFP_KERNEL);
	if (!p->ring)
		return -ENOMEM;
	p->pool = dmam_pool_create("snip", &pdev->dev, 64, 8, 0);
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
	.driver = { .name = "snip-dma-managed" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
