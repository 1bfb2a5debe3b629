/* dma: dma_map_single() of a buffer in probe, remove never unmaps it */
/* family: dma */
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
	p->buf_dma = dma_map_single(p->dev, p->buf, sizeof(p->buf), DMA_FROM_DEVICE);	/* expect: teardown-dma "DMA buffer 'p->buf_dma' allocated in snip_probe() is never freed or unmapped on remove; add dma_unmap_single(p->dev, p->buf_dma, " */
	if (dma_mapping_error(p->dev, p->buf_dma)) {
		kfree(p);
		return -ENOMEM;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	kfree(p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-dma-map-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
