/* mmio: pci driver; pci_iomap() in probe, remove never unmaps it */
/* family: mmio */
/* expect-fixit: "pci_iounmap(pdev, p->bar);" */
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
	p->bar = pci_iomap(pdev, 0, 0);	/* expect: teardown-mmio "MMIO mapping 'p->bar' mapped in snip_probe() is never unmapped on remove; add pci_iounmap(pdev, p->bar) to snip_remove()" */
	if (!p->bar)
		return -ENOMEM;
	pci_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct pci_dev *pdev)
{
	struct snip_priv *p = pci_get_drvdata(pdev);

	iowrite32(0, p->bar);
}

static const struct pci_device_id snip_ids[] = {
	{ PCI_DEVICE(0x1234, 0x0002) },
	{ }
};
MODULE_DEVICE_TABLE(pci, snip_ids);

static struct pci_driver snip_driver = {
	.name = "snip-mmio-pci-missing",
	.id_table = snip_ids,
	.probe = snip_probe,
	.remove = snip_remove,
};
module_pci_driver(snip_driver);
MODULE_LICENSE("GPL");
