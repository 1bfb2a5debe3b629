/* probe and remove here, the work and the IRQ set up in setup.c: remove frees the IRQ but never cancels the work */
/* family: work irq */
/* expect-link: judged=1 linked=1 no_facts=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include "two.h"

static int two_probe(struct platform_device *pdev)
{
	struct two_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, p);
	return two_setup(p);
}

static void two_remove(struct platform_device *pdev)
{
	struct two_priv *p = platform_get_drvdata(pdev);

	free_irq(p->irq, p);
}

static struct platform_driver two_driver = {
	.probe = two_probe,
	.remove = two_remove,
	.driver = { .name = "two-files" },
};
module_platform_driver(two_driver);
MODULE_LICENSE("GPL");
