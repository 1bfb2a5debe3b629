/* error path: dma_map_single() checked with dma_mapping_error(), a later failure returns without dma_unmap_single() */
/* family: dma */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

#define SNIP_BUF_BYTES	2048

struct snip_priv {
	struct device *dev;
	void *buf;
	dma_addr_t buf_dma;
	int irq;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->dev = &pdev->dev;
	p->buf = devm_kzalloc(&pdev->dev, SNIP_BUF_BYTES, GFP_KERNEL);
	if (!p->buf)
		return -ENOMEM;
	p->buf_dma = dma_map_single(p->dev, p->buf, SNIP_BUF_BYTES,
				    DMA_FROM_DEVICE);
	if (dma_mapping_error(p->dev, p->buf_dma))
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)	/* expect: teardown-error-path "DMA buffer" */
		return p->irq;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	dma_unmap_single(p->dev, p->buf_dma, SNIP_BUF_BYTES, DMA_FROM_DEVICE);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-dma-map-single-leak" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
