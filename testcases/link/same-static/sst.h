/* the driver's own header */
#include <linux/workqueue.h>

struct sst_priv {
	struct work_struct reset;
	int resets;
};

void sst_init(struct sst_priv *p);
