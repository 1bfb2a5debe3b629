/* error path: return dev_err_probe() after alloc_workqueue() leaves the workqueue behind */
/* family: workqueue */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/clk.h>
#include <linux/workqueue.h>
#include <linux/property.h>

#define SNIP_MAX_CHAN	8

struct snip_priv {
	struct workqueue_struct *wq;
	struct clk *clk;
	unsigned int nchan;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->wq = alloc_workqueue("snip", WQ_UNBOUND, 0);
	if (!p->wq)
		return -ENOMEM;
	p->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(p->clk))	/* expect: teardown-error-path "workqueue 'p->wq' allocated in snip_probe() is not destroyed when snip_probe() fails here and at lines 33" */
		return dev_err_probe(&pdev->dev, PTR_ERR(p->clk), "no clock\n");
	p->nchan = device_get_child_node_count(&pdev->dev);
	if (p->nchan > SNIP_MAX_CHAN)
		return dev_err_probe(&pdev->dev, -EINVAL, "%u channels\n", p->nchan);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	destroy_workqueue(p->wq);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-wq-dev-err-probe" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
