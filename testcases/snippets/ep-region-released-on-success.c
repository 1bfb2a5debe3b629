/* error path: a muxed I/O region held only while probe reads the board's straps; an early failure returns with it, and the only release is on the success path, so there is no label to jump to (simatic-ipc-wdt, docs/found/0007) */
/* family: region */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/ioport.h>
#include <linux/io.h>

#define SNIP_STRAPS	0x1e0
#define SNIP_CTRL	0x1e8

struct snip_priv {
	u8 straps;
	int irq;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;
	int irq;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	if (!request_muxed_region(SNIP_STRAPS, 2, "snip"))
		return -EBUSY;
	if (!devm_request_region(&pdev->dev, SNIP_CTRL, 4, "snip"))	/* expect: teardown-error-path "snip_probe() releases it only on success (__release_region() at line 33); add __release_region(" */
		return -EBUSY;
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	p->straps = inb(SNIP_STRAPS);
	release_region(SNIP_STRAPS, 2);
	p->irq = irq;
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	p->straps = 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip-ep-region-released-on-success" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
