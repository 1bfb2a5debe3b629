/* the driver's own header */
#include <linux/workqueue.h>

struct nf_priv {
	struct work_struct scan;
	int scans;
};

void nf_start(struct nf_priv *p);
void nf_stop(struct nf_priv *p);
