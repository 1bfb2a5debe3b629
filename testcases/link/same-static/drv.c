/* remove calls its own static sst_cleanup(), which does not cancel the work; helpers.c's static sst_cleanup() of the same name does */
/* family: work */
/* expect-link: judged=1 linked=1 no_facts=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include "sst.h"

static void sst_cleanup(struct sst_priv *p)
{
	p->resets = 0;
}

static int sst_probe(struct platform_device *pdev)
{
	struct sst_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	sst_init(p);
	return 0;
}

static void sst_remove(struct platform_device *pdev)
{
	sst_cleanup(platform_get_drvdata(pdev));
}

static struct platform_driver sst_driver = {
	.probe = sst_probe,
	.remove = sst_remove,
	.driver = { .name = "same-static" },
};
module_platform_driver(sst_driver);
MODULE_LICENSE("GPL");
