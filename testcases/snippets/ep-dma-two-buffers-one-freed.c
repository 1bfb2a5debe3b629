/* error path: two coherent buffers, the label frees the second only; the fix is to add a free, not to change the one there (the wrong-handle hint stays out) */
/* family: dma */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

#define SNIP_RING_BYTES	4096

struct snip_priv {
	void *tx;
	dma_addr_t tx_dma;
	void *rx;
	dma_addr_t rx_dma;
	int irq;
};

static int snip_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->tx = dma_alloc_coherent(dev, SNIP_RING_BYTES, &p->tx_dma, GFP_KERNEL);
	if (!p->tx)
		return -ENOMEM;
	p->rx = dma_alloc_coherent(dev, SNIP_RING_BYTES, &p->rx_dma, GFP_KERNEL);
	if (!p->rx)	/* expect: teardown-error-path "DMA buffer 'p->tx' allocated in snip_probe() is not freed or unmapped when snip_probe() fails here and at lines 34; add dma_free_coherent(" */
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0) {
		ret = p->irq;
		goto err_rx;
	}
	platform_set_drvdata(pdev, p);
	return 0;

err_rx:
	dma_free_coherent(dev, SNIP_RING_BYTES, p->rx, p->rx_dma);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	dma_free_coherent(&pdev->dev, SNIP_RING_BYTES, p->rx, p->rx_dma);
	dma_free_coherent(&pdev->dev, SNIP_RING_BYTES, p->tx, p->tx_dma);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-dma-two-buffers-one-freed" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
