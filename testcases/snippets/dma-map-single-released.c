/* dma: dma_map_single() in probe, dma_unmap_single() in remove: silent */
/* family: dma */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

struct snip_priv {
	struct device *dev;
	u8 buf[256];
	dma_addr_t buf_dma;
	int count;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->dev = &pdev->dev;
	p->buf_dma = dma_map_single(p->dev, p->buf, sizeof(p->buf), DMA_FROM_DEVICE);
	if (dma_mapping_error(p->dev, p->buf_dma)) {
		kfree(p);
		return -ENOMEM;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);

	dma_unmap_single(priv->dev, priv->buf_dma, sizeof(priv->buf), DMA_FROM_DEVICE);
	kfree(priv);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-dma-map-released" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
