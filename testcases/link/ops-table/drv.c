/* probe and remove call the hardware through ops tables filled in hw.c: the new kind's stop cancels the work, the old kind's does not */
/* family: work */
/* expect-link: judged=1 linked=1 no_facts=0 handed_off=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include "opt.h"

struct opt_dev {
	struct opt_priv hw;
	struct opt_old_priv old;
};

static int opt_probe(struct platform_device *pdev)
{
	struct opt_dev *d;
	int ret;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	platform_set_drvdata(pdev, d);
	d->hw.ops = &opt_hw_ops;
	d->old.ops = &opt_old_ops;
	ret = d->hw.ops->start(&d->hw);
	if (ret)
		return ret;
	return d->old.ops->start(&d->old);
}

static void opt_remove(struct platform_device *pdev)
{
	struct opt_dev *d = platform_get_drvdata(pdev);

	d->old.ops->stop(&d->old);
	d->hw.ops->stop(&d->hw);
}

static struct platform_driver opt_driver = {
	.probe = opt_probe,
	.remove = opt_remove,
	.driver = { .name = "ops-table" },
};
module_platform_driver(opt_driver);
MODULE_LICENSE("GPL");
