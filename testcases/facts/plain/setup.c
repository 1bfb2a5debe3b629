/* both drivers' setup, called from their probes */
#include "fw.h"

static void leaky_work(struct work_struct *w)
{
}

static void clean_work(struct work_struct *w)
{
}

int leaky_setup(struct leaky_priv *p)
{
	p->work.func = leaky_work;
	schedule_work(&p->work);
	return 0;
}

int clean_setup(struct clean_priv *p)
{
	p->work.func = clean_work;
	schedule_work(&p->work);
	return 0;
}
