/* order: remove iounmap()s the registers before freeing the DMA ring, without stopping the device first */
/* family: mmio dma */
/* expect-stats: acquired=2 released=2 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/dma-mapping.h>

#define SNIP_RING_BYTES	4096
#define SNIP_CTRL	0x00
#define SNIP_RING_ADDR	0x10

struct snip_priv {
	struct device *dev;
	void __iomem *regs;
	void *ring;
	dma_addr_t ring_dma;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct resource *res;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->dev = &pdev->dev;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	p->regs = ioremap(res->start, resource_size(res));
	if (!p->regs)
		return -ENOMEM;
	p->ring = dma_alloc_coherent(p->dev, SNIP_RING_BYTES, &p->ring_dma, GFP_KERNEL);
	if (!p->ring) {
		iounmap(p->regs);
		return -ENOMEM;
	}
	writel(lower_32_bits(p->ring_dma), p->regs + SNIP_RING_ADDR);
	writel(1, p->regs + SNIP_CTRL);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	iounmap(p->regs);	/* expect: teardown-mmio-dma "MMIO mapping 'p->regs' is unmapped in snip_remove() before DMA buffer 'p->ring' is released" */
	dma_free_coherent(p->dev, SNIP_RING_BYTES, p->ring, p->ring_dma);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-mmio-dma" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
