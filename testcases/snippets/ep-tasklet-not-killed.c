/* error path: the IRQ handler schedules the tasklet, the error path frees the IRQ but never kills the tasklet */
/* family: tasklet irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/clk.h>

struct snip_priv {
	struct tasklet_struct tl;
	struct clk *clk;
	int irq;
	int count;
};

static void snip_tasklet_fn(struct tasklet_struct *t)
{
	struct snip_priv *p = from_tasklet(p, t, tl);

	p->count++;
}

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	tasklet_schedule(&p->tl);
	return IRQ_HANDLED;
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
	tasklet_setup(&p->tl, snip_tasklet_fn);
	ret = request_irq(p->irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	p->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(p->clk)) {	/* expect: teardown-error-path "tasklet 'p->tl'" */
		ret = PTR_ERR(p->clk);
		goto err_free_irq;
	}
	platform_set_drvdata(pdev, p);
	return 0;

err_free_irq:
	free_irq(p->irq, p);
	return ret;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	free_irq(p->irq, p);
	tasklet_kill(&p->tl);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-tasklet-not-killed" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
