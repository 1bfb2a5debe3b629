/* irq: pci driver; pci_request_irq() in probe, pci_free_irq() in remove via pci_get_drvdata(): silent */
/* family: irq */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_priv {
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count++;
	return IRQ_HANDLED;
}

static int snip_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pci_request_irq(pdev, 0, snip_isr, NULL, p, "snip");
	if (ret)
		return ret;
	pci_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct pci_dev *pdev)
{
	struct snip_priv *hw = pci_get_drvdata(pdev);

	pci_free_irq(pdev, 0, hw);
}

static const struct pci_device_id snip_ids[] = {
	{ PCI_DEVICE(0x1234, 0x0005) },
	{ }
};
MODULE_DEVICE_TABLE(pci, snip_ids);

static struct pci_driver snip_driver = {
	.name = "snip-irq-pci-released",
	.id_table = snip_ids,
	.probe = snip_probe,
	.remove = snip_remove,
};
module_pci_driver(snip_driver);
MODULE_LICENSE("GPL");
