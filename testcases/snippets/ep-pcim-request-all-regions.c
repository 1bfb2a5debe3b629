/* error path: pci driver; pcim_request_all_regions() after pcim_enable_device() is managed on every kernel, plain returns are fine: silent */
/* family: pcidev region irqvec mmio */
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
	ret = pcim_request_all_regions(pdev, "snip");
	if (ret)
		return ret;
	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_ALL_TYPES);
	if (ret < 0)
		return ret;
	p->bar = pcim_iomap(pdev, 0, 0);
	if (!p->bar)
		return -ENOMEM;
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;
	pci_set_master(pdev);
	pci_set_drvdata(pdev, p);
	return 0;
}

static const struct pci_device_id snip_ids[] = {
	{ PCI_DEVICE(0x1234, 0x0e02) },
	{ }
};
MODULE_DEVICE_TABLE(pci, snip_ids);

static struct pci_driver snip_driver = {
	.name = "snip-ep-pcim-request-all-regions",
	.id_table = snip_ids,
	.probe = snip_probe,
};
module_pci_driver(snip_driver);
MODULE_LICENSE("GPL");
