/* mmio: pci driver; pci_iomap() in probe, pci_iounmap() in remove via pci_get_drvdata(): silent */
/* family: mmio */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct snip_priv {
	void __iomem *bar;
	int count;
};

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
	p->bar = pci_iomap(pdev, 0, 0);
	if (!p->bar)
		return -ENOMEM;
	pci_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct pci_dev *dev)
{
	struct snip_priv *card = pci_get_drvdata(dev);

	pci_iounmap(dev, card->bar);
}

static const struct pci_device_id snip_ids[] = {
	{ PCI_DEVICE(0x1234, 0x0003) },
	{ }
};
MODULE_DEVICE_TABLE(pci, snip_ids);

static struct pci_driver snip_driver = {
	.name = "snip-mmio-pci-released",
	.id_table = snip_ids,
	.probe = snip_probe,
	.remove = snip_remove,
};
module_pci_driver(snip_driver);
MODULE_LICENSE("GPL");
