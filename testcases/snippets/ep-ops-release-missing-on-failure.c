/* error path: the same probe, whose .host_stop operation does not unmap the registers: the failure after ata_host_start() leaks the mapping */
/* family: mmio */
/* expect-stats: reported=2 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/libata.h>
#include <linux/io.h>
#include <linux/of_address.h>

struct snip_host_priv {
	void __iomem *regs;
};

static void snip_host_stop(struct ata_host *host)
{
	struct snip_host_priv *hp = host->private_data;

	writel(0, hp->regs);
}

static struct ata_port_operations snip_ops = {
	.inherits = &ata_base_port_ops,
	.host_stop = snip_host_stop,
};

static const struct ata_port_info snip_port_info = {
	.flags = ATA_FLAG_SATA,
	.port_ops = &snip_ops,
};

static int snip_probe(struct platform_device *pdev)
{
	const struct ata_port_info *ppi[] = { &snip_port_info, NULL };
	struct snip_host_priv *hp;
	struct ata_host *host;
	int ret;

	hp = devm_kzalloc(&pdev->dev, sizeof(*hp), GFP_KERNEL);
	if (!hp)
		return -ENOMEM;
	hp->regs = of_iomap(pdev->dev.of_node, 0);	/* expect: teardown-mmio */
	if (!hp->regs)
		return -ENOMEM;
	host = ata_host_alloc_pinfo(&pdev->dev, ppi, 1);
	if (!host) {
		iounmap(hp->regs);
		return -ENOMEM;
	}
	host->private_data = hp;
	ret = ata_host_start(host);
	if (ret)	/* expect: teardown-error-path "MMIO mapping 'hp->regs'" */
		return ret;
	platform_set_drvdata(pdev, host);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct ata_host *host = platform_get_drvdata(pdev);

	ata_host_detach(host);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = { .name = "snip" },
};
module_platform_driver(snip_driver);
MODULE_LICENSE("GPL");
