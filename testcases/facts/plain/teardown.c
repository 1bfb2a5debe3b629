/* clean_driver's teardown helper */
#include "fw.h"

void clean_teardown(struct clean_priv *p)
{
	cancel_work_sync(&p->work);
}
