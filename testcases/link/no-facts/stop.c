/* the teardown half, not built (see Kbuild): the checker has no facts of it */
#include "nf.h"

void nf_stop(struct nf_priv *p)
{
	cancel_work_sync(&p->scan);
}
