/* order: devm_request_irq() before dmam_pool_create(): devres destroys the pool while the handler can still free into it; the fix reorders the two managed acquisitions (spi-qcom-qspi, docs/found/0025) */
/* family: irq dmapool */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/dmapool.h>
#include <linux/slab.h>

struct snip_priv {
	struct dma_pool *pool;
	void *last;
	dma_addr_t last_dma;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	if (p->last)
		dma_pool_free(p->pool, p->last, p->last_dma);
	p->last = NULL;
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int irq, ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	p->pool = dmam_pool_create("snip", &pdev->dev, 64, 8, 0);	/* expect: teardown-order "DMA pool 'p->pool' is destroyed by devres while IRQ handler 'p' is still live: snip_isr() can use it until devres releases it after snip_remove() returns; acquire 'p->pool' before the IRQ handler (devres releases in reverse order), or free the IRQ handler explicitly in snip_remove()" */
	if (!p->pool)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->last = NULL;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-devm-dmapool-after-irq" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
