/* error path: the label unmaps the physical address instead of the DMA handle dma_map_resource() returned (spi-qpic-snand, docs/found/0001) */
/* family: dma */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/dma-mapping.h>

struct snip_priv {
	dma_addr_t base_dma;
	int irq;
};

static int snip_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct snip_priv *p;
	struct resource *res;
	int ret;

	p = devm_kzalloc(dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	p->base_dma = dma_map_resource(dev, res->start, resource_size(res),
				       DMA_BIDIRECTIONAL, 0);
	if (dma_mapping_error(dev, p->base_dma))
		return -ENXIO;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0) {	/* expect: teardown-error-path "which no acquisition returned: pass it 'p->base_dma' instead" */
		ret = p->irq;
		goto err_unmap;
	}
	platform_set_drvdata(pdev, p);
	return 0;

err_unmap:
	dma_unmap_resource(dev, res->start, resource_size(res),
			   DMA_BIDIRECTIONAL, 0);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	dma_unmap_resource(&pdev->dev, p->base_dma, resource_size(res),
			   DMA_BIDIRECTIONAL, 0);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-dma-map-resource-wrong-handle" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
