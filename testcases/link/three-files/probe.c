/* the probe of core.c's driver */
#include <linux/slab.h>
#include "three.h"

static void three_poll(struct work_struct *w)
{
	struct three_priv *p = container_of(w, struct three_priv, poll.work);

	p->count++;
	schedule_delayed_work(&p->poll, HZ);
}

int three_probe(struct platform_device *pdev)
{
	struct three_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	INIT_DELAYED_WORK(&p->poll, three_poll);
	platform_set_drvdata(pdev, p);
	schedule_delayed_work(&p->poll, HZ);
	return 0;
}
