/* dma: probe keeps the mapping in two fields (the descriptor and its unmap record); remove unmaps the record's copy: silent */
/* family: dma */
/* expect-stats: acquired=1 released=1 reported=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

struct snip_desc {
	dma_addr_t buf_addr;
};

struct snip_desc_info {
	struct snip_desc *desc;
	DEFINE_DMA_UNMAP_ADDR(mapaddr);
};

struct snip_priv {
	struct device *dev;
	u8 buf[256];
	struct snip_desc desc;
	struct snip_desc_info info;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	dma_addr_t h;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->dev = &pdev->dev;
	h = dma_map_single(p->dev, p->buf, sizeof(p->buf), DMA_FROM_DEVICE);
	if (dma_mapping_error(p->dev, h))
		return -ENOMEM;
	p->desc.buf_addr = h;
	dma_unmap_addr_set(&p->info, mapaddr, h);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	dma_unmap_single(p->dev, dma_unmap_addr(&p->info, mapaddr),
			 sizeof(p->buf), DMA_FROM_DEVICE);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-dma-kept-twice" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
