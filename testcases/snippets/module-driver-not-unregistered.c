/* module: module_init registers two drivers, module_exit unregisters one */
/* family: driver workqueue */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/i2c.h>
#include <linux/workqueue.h>

static struct workqueue_struct *snip_wq;

static int snip_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.driver = { .name = "snip-module" },
};

static int snip_i2c_probe(struct i2c_client *client)
{
	return 0;
}

static struct i2c_driver snip_i2c_driver = {
	.probe = snip_i2c_probe,
	.driver = { .name = "snip-module-i2c" },
};

static int __init snip_init(void)
{
	int ret;

	snip_wq = alloc_workqueue("snip", 0, 0);	/* expect: teardown-workqueue "workqueue 'snip_wq' allocated in snip_init() is never destroyed on module exit; add destroy_workqueue(snip_wq) to snip_exit()" */
	if (!snip_wq)
		return -ENOMEM;
	ret = platform_driver_register(&snip_driver);
	if (ret)
		goto err_wq;
	ret = i2c_add_driver(&snip_i2c_driver);	/* expect: teardown-module "driver 'snip_i2c_driver' registered in snip_init() is never unregistered on module exit; add i2c_del_driver(&snip_i2c_driver) to snip_exit()" */
	if (ret)
		goto err_platform;
	return 0;

err_platform:
	platform_driver_unregister(&snip_driver);
err_wq:
	destroy_workqueue(snip_wq);
	return ret;
}
module_init(snip_init);

static void __exit snip_exit(void)
{
	platform_driver_unregister(&snip_driver);
}
module_exit(snip_exit);
MODULE_LICENSE("GPL");
/* expect-stats: modules=1 module_acquired=3 module_released=1 */
/* expect-fixit: "i2c_del_driver(&snip_i2c_driver);" */
