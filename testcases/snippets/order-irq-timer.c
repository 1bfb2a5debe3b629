/* order: the IRQ handler arms the timer, remove stops the timer before free_irq() */
/* family: irq timer */
/* expect-stats: acquired=2 released=2 reported=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/timer.h>

struct snip_priv {
	struct timer_list timer;
	int irq;
	int count;
};

static void snip_tick(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, timer);

	p->count++;
}

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	mod_timer(&p->timer, jiffies + HZ);
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
	timer_setup(&p->timer, snip_tick, 0);
	ret = request_irq(p->irq, snip_isr, 0, "snip", p);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	timer_delete_sync(&p->timer);	/* expect: teardown-order "timer 'p->timer' is stopped synchronously in snip_remove() while IRQ handler 'p' is still live: snip_isr() can arm it until free_irq() in snip_remove(); stop the IRQ handler first, or stop 'p->timer' with timer_shutdown_sync(), after which nothing can arm it again" */
	free_irq(p->irq, p);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-order-irq-timer" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
