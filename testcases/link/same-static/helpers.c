/* drv.c's helpers, with a static function named as one of drv.c's */
#include "sst.h"

static void sst_reset(struct work_struct *w)
{
	struct sst_priv *p = container_of(w, struct sst_priv, reset);

	p->resets++;
}

static void sst_cleanup(struct sst_priv *p)
{
	cancel_work_sync(&p->reset);
}

void sst_init(struct sst_priv *p)
{
	INIT_WORK(&p->reset, sst_reset); /* expect: teardown-work "sst_remove" */
	schedule_work(&p->reset);
	/* probe reaches this sst_cleanup(), remove never does */
	if (p->resets > 100)
		sst_cleanup(p);
}
