/* error path: pci driver; a failed pci_iomap() disables the device but never releases the regions */
/* family: pcidev region mmio */
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
	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	ret = pci_request_regions(pdev, "snip");
	if (ret)
		goto err_disable;
	p->bar = pci_iomap(pdev, 0, 0);
	if (!p->bar) {	/* expect: teardown-error-path "I/O region" */
		ret = -ENOMEM;
		goto err_disable;
	}
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		goto err_unmap;
	pci_set_master(pdev);
	pci_set_drvdata(pdev, p);
	return 0;

err_unmap:
	pci_iounmap(pdev, p->bar);
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return ret;
}

static void snip_remove(struct pci_dev *pdev)
{
	struct snip_priv *p = pci_get_drvdata(pdev);

	pci_iounmap(pdev, p->bar);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id snip_ids[] = {
	{ PCI_DEVICE(0x1234, 0x0e01) },
	{ }
};
MODULE_DEVICE_TABLE(pci, snip_ids);

static struct pci_driver snip_driver = {
	.name = "snip-ep-pci-regions-leak",
	.id_table = snip_ids,
	.probe = snip_probe,
	.remove = snip_remove,
};
module_pci_driver(snip_driver);
MODULE_LICENSE("GPL");
