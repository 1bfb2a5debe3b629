/* the driver's own header: setup.c's functions, for main.c */
#include <linux/workqueue.h>
#include <linux/interrupt.h>

struct two_priv {
	struct work_struct work;
	int irq;
	int count;
};

int two_setup(struct two_priv *p);
