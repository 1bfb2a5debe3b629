/* error path: module_init registers two platform drivers and unregisters the first when the second fails: silent */
/* family: driver */
#include <linux/module.h>
#include <linux/platform_device.h>

static int snip_probe(struct platform_device *pdev)
{
	return 0;
}

static int snip_phy_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-ep-module-ok" },
};

static struct platform_driver snip_phy_driver = {
	.probe = snip_phy_probe,
	.driver = { .name = "snip-ep-module-ok-phy" },
};

static int __init snip_init(void)
{
	int ret;

	ret = platform_driver_register(&snip_driver);
	if (ret)
		return ret;
	ret = platform_driver_register(&snip_phy_driver);
	if (ret)
		goto err_unregister;
	return 0;

err_unregister:
	platform_driver_unregister(&snip_driver);
	return ret;
}
module_init(snip_init);

static void __exit snip_exit(void)
{
	platform_driver_unregister(&snip_phy_driver);
	platform_driver_unregister(&snip_driver);
}
module_exit(snip_exit);
MODULE_LICENSE("GPL");
