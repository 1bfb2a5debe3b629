/* the driver's own header: setup.c's functions, for main.c */
#include <linux/workqueue.h>
#include <linux/interrupt.h>

struct twor_priv {
	struct work_struct work;
	int irq;
	int count;
};

int twor_setup(struct twor_priv *p);
void twor_teardown(struct twor_priv *p);
