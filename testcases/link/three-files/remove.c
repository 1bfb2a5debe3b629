/* the remove of core.c's driver */
#include "three.h"

void three_remove(struct platform_device *pdev)
{
	struct three_priv *p = platform_get_drvdata(pdev);

	cancel_delayed_work(&p->poll); /* expect: teardown-async "cancel_delayed_work_sync" */
}
