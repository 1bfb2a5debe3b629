/* order: the IRQ handler allocates from a DMA pool that remove destroys before freeing the IRQ */
/* family: irq dmapool */
/* expect-stats: acquired=2 released=2 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/dmapool.h>
#include <linux/slab.h>

struct snip_priv {
	struct dma_pool *pool;
	int irq;
	void *last;
	dma_addr_t last_dma;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	if (p->last)
		dma_pool_free(p->pool, p->last, p->last_dma);
	p->last = dma_pool_alloc(p->pool, GFP_ATOMIC, &p->last_dma);
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->pool = dma_pool_create("snip", &pdev->dev, 64, 8, 0);
	if (!p->pool)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	ret = request_irq(p->irq, snip_isr, 0, "snip", p);
	if (ret) {
		dma_pool_destroy(p->pool);
		return ret;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	dma_pool_destroy(p->pool);	/* expect: teardown-order "DMA pool 'p->pool' is destroyed in snip_remove() while IRQ handler 'p' is still live: snip_isr() can use it until free_irq() in snip_remove()" */
	free_irq(p->irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-dmapool" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
