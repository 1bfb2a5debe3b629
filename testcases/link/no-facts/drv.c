/* remove hands the struct to nf_stop(), which no file built defines: silent, and counted */
/* family: work */
/* expect-link: judged=1 linked=1 no_facts=1 handed_off=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include "nf.h"

static int nf_probe(struct platform_device *pdev)
{
	struct nf_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	nf_start(p);
	return 0;
}

static void nf_remove(struct platform_device *pdev)
{
	nf_stop(platform_get_drvdata(pdev));
}

static struct platform_driver nf_driver = {
	.probe = nf_probe,
	.remove = nf_remove,
	.driver = { .name = "no-facts" },
};
module_platform_driver(nf_driver);
MODULE_LICENSE("GPL");
