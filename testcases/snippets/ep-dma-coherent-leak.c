/* error path: dma_alloc_coherent() in probe, a later failure returns without dma_free_coherent() */
/* family: dma */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

#define SNIP_RING_BYTES	4096

struct snip_priv {
	void *ring;
	dma_addr_t ring_dma;
	int irq;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->ring = dma_alloc_coherent(&pdev->dev, SNIP_RING_BYTES, &p->ring_dma,
				     GFP_KERNEL);
	if (!p->ring)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)	/* expect: teardown-error-path "DMA buffer 'p->ring'" */
		return p->irq;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	dma_free_coherent(&pdev->dev, SNIP_RING_BYTES, p->ring, p->ring_dma);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-dma-coherent-leak" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
