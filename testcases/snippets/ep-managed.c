/* error path: devm_ioremap(), devm_request_irq() and dmam_alloc_coherent() need nothing on a later failure: silent */
/* family: mmio irq dma */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>

#define SNIP_RING_BYTES	4096
#define SNIP_STATUS	0x04
#define SNIP_RING_ADDR	0x08

struct snip_priv {
	void __iomem *base;
	void *ring;
	dma_addr_t ring_dma;
	int irq;
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count += readl(p->base + SNIP_STATUS);
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	struct resource *res;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	p->base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!p->base)
		return -ENOMEM;
	p->ring = dmam_alloc_coherent(&pdev->dev, SNIP_RING_BYTES, &p->ring_dma,
				      GFP_KERNEL);
	if (!p->ring)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	ret = devm_request_irq(&pdev->dev, p->irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "no 32-bit DMA\n");
	writel(lower_32_bits(p->ring_dma), p->base + SNIP_RING_ADDR);
	platform_set_drvdata(pdev, p);
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-ep-managed" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
