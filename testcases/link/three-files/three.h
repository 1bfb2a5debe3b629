/* the driver's own header */
#include <linux/platform_device.h>
#include <linux/workqueue.h>

struct three_priv {
	struct delayed_work poll;
	int count;
};

int three_probe(struct platform_device *pdev);
void three_remove(struct platform_device *pdev);
