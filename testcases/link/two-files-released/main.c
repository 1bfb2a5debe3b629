/* probe and remove here; setup.c both sets up and tears down the work and the IRQ, in order: silent */
/* family: work irq */
/* expect-link: judged=1 linked=1 no_facts=0 handed_off=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include "two.h"

static int twor_probe(struct platform_device *pdev)
{
	struct twor_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, p);
	return twor_setup(p);
}

static void twor_remove(struct platform_device *pdev)
{
	twor_teardown(platform_get_drvdata(pdev));
}

static struct platform_driver twor_driver = {
	.probe = twor_probe,
	.remove = twor_remove,
	.driver = { .name = "two-files-released" },
};
module_platform_driver(twor_driver);
MODULE_LICENSE("GPL");
