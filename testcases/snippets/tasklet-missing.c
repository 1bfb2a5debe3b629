/* tasklet: tasklet_setup() in probe, remove never kills it */
/* family: tasklet */
/* expect-fixit: "tasklet_kill(&p->tl);" */
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
	tasklet_setup(&p->tl, snip_tasklet_fn);	/* expect: teardown-tasklet "tasklet 'p->tl' initialised in snip_probe() is never killed on remove; add tasklet_kill(&p->tl) to snip_remove()" */
	platform_set_drvdata(pdev, p);
	tasklet_schedule(&p->tl);
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
	.driver = { .name = "snip-tasklet-missing" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
