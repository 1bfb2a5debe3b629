/* error path: a PCI bridge probe registers a platform driver, fails on purpose, and nothing ever unregisters it: reported */
/* family: driver */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/platform_device.h>

static struct pci_dev *snip_bridge;

static int snip_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-ep-by-design-leak" },
};

static int snip_pci_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	if (platform_driver_register(&snip_driver))	/* expect: teardown-module "no remove()" */
		return -ENODEV;
	snip_bridge = pci_dev_get(dev);
	/* always fail, so that the bridge's own driver can bind */
	return -ENODEV;	/* expect: teardown-error-path "driver 'snip_driver'" */
}

static const struct pci_device_id snip_ids[] = {
	{ PCI_DEVICE(0x1039, 0x0008) },
	{ }
};

static struct pci_driver snip_pci_driver = {
	.name = "snip-ep-by-design-leak-pci",
	.id_table = snip_ids,
	.probe = snip_pci_probe,
};

static int __init snip_init(void)
{
	return pci_register_driver(&snip_pci_driver);
}
module_init(snip_init);

static void __exit snip_exit(void)
{
	pci_unregister_driver(&snip_pci_driver);
	if (snip_bridge) {

		pci_dev_put(snip_bridge);
	}
}
module_exit(snip_exit);
MODULE_LICENSE("GPL");
