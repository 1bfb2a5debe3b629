/* dma: dma_alloc_coherent() in probe, remove never frees the buffer */
/* family: dma */
/* expect-fixit: "dma_free_coherent(&pdev->dev, 4096, p->ring, p->ring_dma);" */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

#define SNIP_RING_BYTES 4096

struct snip_priv {
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
	p->ring = dma_alloc_coherent(&pdev->dev, SNIP_RING_BYTES, &p->ring_dma, GFP_KERNEL);	/* expect: teardown-dma "DMA buffer 'p->ring' allocated in snip_probe() is never freed or unmapped on remove; add dma_free_coherent(&pdev->dev, 4096, p->ring, p->ring_dma) to snip_remove()" */
	if (!p->ring)
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
	.driver = { .name = "snip-dma-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
