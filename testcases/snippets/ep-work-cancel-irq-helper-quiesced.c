/* error path: a cleanup helper disables the IRQ whose handler queues the work, then cancels the work, then frees the IRQ: the handler cannot queue it again, silent */
/* family: work irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/clk.h>

struct snip_priv {
	struct work_struct work;
	struct clk *clk;
	int irq;
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

	schedule_work(&p->work);
	return IRQ_HANDLED;
}

static void snip_cleanup(struct snip_priv *p)
{
	disable_irq(p->irq);
	cancel_work_sync(&p->work);
	free_irq(p->irq, p);
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0)
		return p->irq;
	INIT_WORK(&p->work, snip_work_fn);
	ret = request_irq(p->irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	p->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(p->clk)) {
		ret = PTR_ERR(p->clk);
		goto err_free_irq;
	}
	platform_set_drvdata(pdev, p);
	return 0;

err_free_irq:
	snip_cleanup(p);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	free_irq(p->irq, p);
	cancel_work_sync(&p->work);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-work-cancel-irq-helper-quiesced" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
