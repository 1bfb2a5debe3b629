/* error path: a void helper arms the delayed work and falls off its end; the later probe failure cancels it: nothing to report */
/* family: dwork */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/property.h>

struct snip_priv {
	struct delayed_work poll;
	int irq;
	int count;
	bool present;
};

static void snip_poll_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(to_delayed_work(work),
					   struct snip_priv, poll);

	p->count++;
}

/* no return statement: the helper's only exit is its closing brace */
static void snip_check_present(struct snip_priv *p)
{
	if (p->present)
		schedule_delayed_work(&p->poll, msecs_to_jiffies(500));
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_DELAYED_WORK(&p->poll, snip_poll_fn);
	p->present = device_property_read_bool(&pdev->dev, "present");
	snip_check_present(p);
	p->irq = platform_get_irq(pdev, 0);
	if (p->irq < 0) {
		cancel_delayed_work_sync(&p->poll);
		return p->irq;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	cancel_delayed_work_sync(&p->poll);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-void-helper-arms-ok" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
