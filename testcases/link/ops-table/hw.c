/* the hardware half of drv.c's driver, reached only through ops tables */
#include "opt.h"

static void opt_poll(struct work_struct *w)
{
	struct opt_priv *p = container_of(w, struct opt_priv, poll);

	p->polls++;
}

static int opt_hw_start(struct opt_priv *p)
{
	INIT_WORK(&p->poll, opt_poll);
	schedule_work(&p->poll);
	return 0;
}

static void opt_hw_stop(struct opt_priv *p)
{
	cancel_work_sync(&p->poll);
}

const struct opt_hw_ops opt_hw_ops = {
	.start = opt_hw_start,
	.stop = opt_hw_stop,
};

static void opt_old_poll(struct work_struct *w)
{
	struct opt_old_priv *p = container_of(w, struct opt_old_priv, poll);

	p->polls++;
}

static int opt_old_start(struct opt_old_priv *p)
{
	INIT_WORK(&p->poll, opt_old_poll); /* expect: teardown-work "opt_remove" */
	schedule_work(&p->poll);
	return 0;
}

static void opt_old_stop(struct opt_old_priv *p)
{
	p->polls = 0;
}

const struct opt_old_ops opt_old_ops = {
	.start = opt_old_start,
	.stop = opt_old_stop,
};
