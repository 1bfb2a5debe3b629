/* error path: pci driver; a failed pci_iomap() returns with the device enabled and its IRQ vectors allocated */
/* family: pcidev irqvec mmio */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct snip_priv {
	void __iomem *bar;
	int nvec;
};

static int snip_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	p->nvec = pci_alloc_irq_vectors(pdev, 1, 4, PCI_IRQ_MSIX | PCI_IRQ_MSI);
	if (p->nvec < 0) {
		ret = p->nvec;
		goto err_disable;
	}
	p->bar = pci_iomap(pdev, 0, 0);
	if (!p->bar)	/* expect: teardown-error-path "PCI device 'pdev'" */ /* expect: teardown-error-path "IRQ vectors 'pdev'" */
		return -ENOMEM;
	pci_set_drvdata(pdev, p);
	return 0;

err_disable:
	pci_disable_device(pdev);
	return ret;
}

static void snip_remove(struct pci_dev *pdev)
{
	struct snip_priv *p = pci_get_drvdata(pdev);

	pci_iounmap(pdev, p->bar);
	pci_free_irq_vectors(pdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id snip_ids[] = {
	{ PCI_DEVICE(0x1234, 0x0e03) },
	{ }
};
MODULE_DEVICE_TABLE(pci, snip_ids);

static struct pci_driver snip_driver = {
	.name = "snip-ep-pci-enable-leak",
	.id_table = snip_ids,
	.probe = snip_probe,
	.remove = snip_remove,
};
module_pci_driver(snip_driver);
MODULE_LICENSE("GPL");
