/* the setup half; the teardown half, stop.c, is not built */
#include "nf.h"

static void nf_scan(struct work_struct *w)
{
	struct nf_priv *p = container_of(w, struct nf_priv, scan);

	p->scans++;
}

void nf_start(struct nf_priv *p)
{
	INIT_WORK(&p->scan, nf_scan);
	schedule_work(&p->scan);
}
