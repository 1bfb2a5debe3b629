/* error path: one request_irq() per channel in a loop, a failure on a later channel returns with the earlier ones still requested */
/* family: irq */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

#define SNIP_NCHAN	4

struct snip_chan {
	int irq;
	int count;
};

struct snip_priv {
	struct snip_chan chan[SNIP_NCHAN];
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_chan *c = data;

	c->count++;
	return IRQ_HANDLED;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int i, ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	for (i = 0; i < SNIP_NCHAN; i++) {
		p->chan[i].irq = platform_get_irq(pdev, i);
		if (p->chan[i].irq < 0)
			return p->chan[i].irq;
	}
	for (i = 0; i < SNIP_NCHAN; i++) {
		ret = request_irq(p->chan[i].irq, snip_isr, 0, "snip", &p->chan[i]);
		if (ret)	/* expect: teardown-error-path "IRQ handler" */
			return ret;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);
	int i;

	for (i = 0; i < SNIP_NCHAN; i++)
		free_irq(p->chan[i].irq, &p->chan[i]);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-irq-channel-loop-leak" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
