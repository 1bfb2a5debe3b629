/* dma: dma_alloc_coherent() in probe, dma_free_coherent() in remove: silent */
/* family: dma */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

#define SNIP_RING_BYTES 4096

struct snip_priv {
	struct device *dev;
	void *ring;
	dma_addr_t ring_dma;
	int count;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->dev = &pdev->dev;
	p->ring = dma_alloc_coherent(p->dev, SNIP_RING_BYTES, &p->ring_dma, GFP_KERNEL);
	if (!p->ring)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);

	dma_free_coherent(priv->dev, SNIP_RING_BYTES, priv->ring, priv->ring_dma);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-dma-released" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
