/* order: devm_request_irq() before devm_alloc_workqueue(): devres destroys the workqueue while the handler can still queue work on it */
/* family: irq workqueue work */
/* kernel: >=7.1 */	/* devm_alloc_workqueue(), new in 7.1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/devm-helpers.h>

struct snip_priv {
	struct workqueue_struct *wq;
	struct work_struct work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count++;
}

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	queue_work(p->wq, &p->work);
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int irq, ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	/* managed and released after the IRQ: the work is not the point here */
	ret = devm_work_autocancel(&pdev->dev, &p->work, snip_work_fn);
	if (ret)
		return ret;
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	p->wq = devm_alloc_workqueue(&pdev->dev, "snip", WQ_MEM_RECLAIM, 0);	/* expect: teardown-order "workqueue 'p->wq' is destroyed by devres while IRQ handler 'p' is still live: snip_isr() can queue work on it until devres releases it after snip_remove() returns; acquire 'p->wq' before the IRQ handler (devres releases in reverse order), or free the IRQ handler explicitly in snip_remove()" */
	if (!p->wq)
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
	.driver = { .name = "snip-order-devm-wq-before-irq" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
