/* work: devm_work_autocancel() makes devres cancel the work: silent */
/* family: work */
/* expect-stats: managed=1 acquired=0 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/devm-helpers.h>

struct snip_priv {
	struct work_struct work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count++;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = devm_work_autocancel(&pdev->dev, &p->work, snip_work_fn);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, p);
	schedule_work(&p->work);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->count = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-devm-autocancel" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
