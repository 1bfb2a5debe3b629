/* the library's interface, in its own directory (not include/) */
#include <linux/workqueue.h>

struct libx_ctx {
	struct delayed_work refresh;
	int generation;
};

void libx_start(struct libx_ctx *c);
void libx_stop(struct libx_ctx *c);
/* a second kind of context: the checker keys work by the struct it is in */
struct libx_ctx_fixed {
	struct delayed_work refresh;
	int generation;
};

void libx_start_fixed(struct libx_ctx_fixed *c);
void libx_stop_fixed(struct libx_ctx_fixed *c);
