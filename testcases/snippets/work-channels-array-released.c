/* work: a struct with an array of channels, each with a work; remove cancels each one in a loop */
/* family: work */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#define SNIP_NCHAN 4

struct snip_chan {
	struct work_struct work;
	int id;
};

struct snip_priv {
	struct snip_chan chan[SNIP_NCHAN];
	int count;
};

static void snip_chan_work_fn(struct work_struct *work)
{
	struct snip_chan *c = container_of(work, struct snip_chan, work);

	c->id++;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int i;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	for (i = 0; i < SNIP_NCHAN; i++) {
		p->chan[i].id = i;
		INIT_WORK(&p->chan[i].work, snip_chan_work_fn);
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *priv = platform_get_drvdata(pdev);
	int n;

	for (n = 0; n < SNIP_NCHAN; n++)
		cancel_work_sync(&priv->chan[n].work);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-work-chan-released" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
