/* a driver of the library: one context through the leaky pair, one through the fixed pair */
/* family: dwork */
/* expect-link: judged=1 linked=1 no_facts=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include "libx.h"

struct libx_drv {
	struct libx_ctx *leaky;
	struct libx_ctx_fixed fixed;
};

static int libx_drv_probe(struct platform_device *pdev)
{
	struct libx_drv *d;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->leaky = devm_kzalloc(&pdev->dev, sizeof(*d->leaky), GFP_KERNEL);
	if (!d->leaky)
		return -ENOMEM;
	platform_set_drvdata(pdev, d);
	libx_start(d->leaky);
	libx_start_fixed(&d->fixed);
	return 0;
}

static void libx_drv_remove(struct platform_device *pdev)
{
	struct libx_drv *d = platform_get_drvdata(pdev);

	libx_stop_fixed(&d->fixed);
	libx_stop(d->leaky);
}

static struct platform_driver libx_driver = {
	.probe = libx_drv_probe,
	.remove = libx_drv_remove,
	.driver = { .name = "libx-drv" },
};
module_platform_driver(libx_driver);
MODULE_LICENSE("GPL");
