/* hrtimer: pci driver; remove finds the struct with pci_get_drvdata() under another name and cancels it: silent */
/* family: hrtimer */
/* kernel: <6.15 */	/* hrtimer_init(), gone in 6.15 */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/hrtimer.h>

struct snip_priv {
	struct pci_dev *pdev;
	struct hrtimer hrt;
	int count;
};

static enum hrtimer_restart snip_hrt_fn(struct hrtimer *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, hrt);

	p->count++;
	return HRTIMER_NORESTART;
}

static int snip_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->pdev = pdev;
	hrtimer_init(&p->hrt, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	p->hrt.function = snip_hrt_fn;
	pci_set_drvdata(pdev, p);
	hrtimer_start(&p->hrt, ms_to_ktime(10), HRTIMER_MODE_REL);
	return 0;
}

static void snip_remove(struct pci_dev *pdev)
{
	struct snip_priv *adapter = pci_get_drvdata(pdev);

	hrtimer_cancel(&adapter->hrt);
}

static const struct pci_device_id snip_ids[] = {
	{ PCI_DEVICE(0x1234, 0x0001) },
	{ }
};
MODULE_DEVICE_TABLE(pci, snip_ids);

static struct pci_driver snip_driver = {
	.name = "snip-hrtimer-pci",
	.id_table = snip_ids,
	.probe = snip_probe,
	.remove = snip_remove,
};
module_pci_driver(snip_driver);
MODULE_LICENSE("GPL");
