/* error paths: 24 independent branches after an ioremap() make 2^24 paths; the walk gives up at its budget, silent and counted */
/* family: mmio */
/* expect-stats: error_budget=1 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/io.h>

struct snip_priv {
	void __iomem *base;
	int count;
	int opt0;
	int opt1;
	int opt2;
	int opt3;
	int opt4;
	int opt5;
	int opt6;
	int opt7;
	int opt8;
	int opt9;
	int opt10;
	int opt11;
	int opt12;
	int opt13;
	int opt14;
	int opt15;
	int opt16;
	int opt17;
	int opt18;
	int opt19;
	int opt20;
	int opt21;
	int opt22;
	int opt23;
};

static int snip_probe(struct platform_device *pdev)
{
	struct snip_priv *p;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->base = ioremap(0x10000000, 0x100);
	if (!p->base)
		return -ENOMEM;
	/* each option read from the device: nothing the walk can correlate */
	p->opt0 = readl(p->base + 0);
	if (p->opt0)
		p->count++;
	p->opt1 = readl(p->base + 4);
	if (p->opt1)
		p->count++;
	p->opt2 = readl(p->base + 8);
	if (p->opt2)
		p->count++;
	p->opt3 = readl(p->base + 12);
	if (p->opt3)
		p->count++;
	p->opt4 = readl(p->base + 16);
	if (p->opt4)
		p->count++;
	p->opt5 = readl(p->base + 20);
	if (p->opt5)
		p->count++;
	p->opt6 = readl(p->base + 24);
	if (p->opt6)
		p->count++;
	p->opt7 = readl(p->base + 28);
	if (p->opt7)
		p->count++;
	p->opt8 = readl(p->base + 32);
	if (p->opt8)
		p->count++;
	p->opt9 = readl(p->base + 36);
	if (p->opt9)
		p->count++;
	p->opt10 = readl(p->base + 40);
	if (p->opt10)
		p->count++;
	p->opt11 = readl(p->base + 44);
	if (p->opt11)
		p->count++;
	p->opt12 = readl(p->base + 48);
	if (p->opt12)
		p->count++;
	p->opt13 = readl(p->base + 52);
	if (p->opt13)
		p->count++;
	p->opt14 = readl(p->base + 56);
	if (p->opt14)
		p->count++;
	p->opt15 = readl(p->base + 60);
	if (p->opt15)
		p->count++;
	p->opt16 = readl(p->base + 64);
	if (p->opt16)
		p->count++;
	p->opt17 = readl(p->base + 68);
	if (p->opt17)
		p->count++;
	p->opt18 = readl(p->base + 72);
	if (p->opt18)
		p->count++;
	p->opt19 = readl(p->base + 76);
	if (p->opt19)
		p->count++;
	p->opt20 = readl(p->base + 80);
	if (p->opt20)
		p->count++;
	p->opt21 = readl(p->base + 84);
	if (p->opt21)
		p->count++;
	p->opt22 = readl(p->base + 88);
	if (p->opt22)
		p->count++;
	p->opt23 = readl(p->base + 92);
	if (p->opt23)
		p->count++;
	if (p->count > 24)
		return -EINVAL;	/* leaks p->base, but past the budget */
	platform_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct platform_device *pdev)
{
	struct snip_priv *p = platform_get_drvdata(pdev);

	iounmap(p->base);
}

static struct platform_driver snip_driver = {
	.probe = snip_probe,
	.remove = snip_remove,
	.driver = {
		.name = "snip-ep-path-budget",
	},
};
module_platform_driver(snip_driver);

MODULE_DESCRIPTION("teardown-check snippet");
MODULE_LICENSE("GPL");
