/* tasklet: remove only calls tasklet_disable(), which does not kill a scheduled tasklet */
/* family: tasklet */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	struct tasklet_struct tl;
	int count;
};

static void snip_tasklet_fn(struct tasklet_struct *t)
{
	struct snip_priv *p = from_tasklet(p, t, tl);

	p->count++;
}

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	tasklet_setup(&p->tl, snip_tasklet_fn);
	platform_set_drvdata(pdev, p);
	tasklet_schedule(&p->tl);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	tasklet_disable(&p->tl);	/* expect: teardown-async "tasklet 'p->tl' initialised in snip_probe() is stopped with tasklet_disable() in snip_remove(), which does not wait for a running callback; use tasklet_kill()" */
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-tasklet-disable" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
