/* a library module: libx_stop() forgets the work libx_start() arms, libx_stop_fixed() does not */
#include <linux/module.h>
#include "libx.h"

static void libx_refresh(struct work_struct *w)
{
	struct libx_ctx *c = container_of(w, struct libx_ctx, refresh.work);

	c->generation++;
	schedule_delayed_work(&c->refresh, HZ);
}

void libx_start(struct libx_ctx *c)
{
	INIT_DELAYED_WORK(&c->refresh, libx_refresh); /* expect: teardown-work "libx_drv_remove" */
	schedule_delayed_work(&c->refresh, HZ);
}
EXPORT_SYMBOL_GPL(libx_start);

void libx_stop(struct libx_ctx *c)
{
	c->generation = 0;
}
EXPORT_SYMBOL_GPL(libx_stop);

static void libx_refresh_fixed(struct work_struct *w)
{
	struct libx_ctx_fixed *c = container_of(w, struct libx_ctx_fixed,
						refresh.work);

	c->generation++;
	schedule_delayed_work(&c->refresh, HZ);
}

void libx_start_fixed(struct libx_ctx_fixed *c)
{
	INIT_DELAYED_WORK(&c->refresh, libx_refresh_fixed);
	schedule_delayed_work(&c->refresh, HZ);
}
EXPORT_SYMBOL_GPL(libx_start_fixed);

void libx_stop_fixed(struct libx_ctx_fixed *c)
{
	cancel_delayed_work_sync(&c->refresh);
}
EXPORT_SYMBOL_GPL(libx_stop_fixed);

MODULE_LICENSE("GPL");
