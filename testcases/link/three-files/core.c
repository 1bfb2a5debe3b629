/* the driver object here, probe in probe.c, remove in remove.c: remove stops the polling work without waiting for it */
/* family: dwork */
/* expect-link: judged=1 linked=2 no_facts=0 */
#include <linux/module.h>
#include "three.h"

static struct platform_driver three_driver = {
	.probe = three_probe,
	.remove = three_remove,
	.driver = { .name = "three-files" },
};
module_platform_driver(three_driver);
MODULE_LICENSE("GPL");
