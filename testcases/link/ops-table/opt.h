/* the driver's own header: a hardware ops table, filled in hw.c */
#include <linux/workqueue.h>

struct opt_priv;

struct opt_hw_ops {
	int (*start)(struct opt_priv *p);
	void (*stop)(struct opt_priv *p);
};

struct opt_priv {
	const struct opt_hw_ops *ops;
	struct work_struct poll;
	int polls;
};

/* a second kind of device, whose stop forgets the work */
struct opt_old_priv;

struct opt_old_ops {
	int (*start)(struct opt_old_priv *p);
	void (*stop)(struct opt_old_priv *p);
};

struct opt_old_priv {
	const struct opt_old_ops *ops;
	struct work_struct poll;
	int polls;
};

extern const struct opt_hw_ops opt_hw_ops;
extern const struct opt_old_ops opt_old_ops;
