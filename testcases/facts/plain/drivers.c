/* the drivers: probe and remove; the work lives in setup.c and teardown.c */
#include "fw.h"

static int leaky_probe(struct platform_device *pdev)
{
	struct leaky_priv *p = kzalloc(sizeof(*p), 0);

	if (!p)
		return -12;
	pdev->drvdata = p;
	return leaky_setup(p);
}

static void leaky_remove(struct platform_device *pdev)
{
	struct leaky_priv *p = pdev->drvdata;

	p->n = 0;
}

struct platform_driver leaky_driver = {
	.probe = leaky_probe,
	.remove = leaky_remove,
};

static int clean_probe(struct platform_device *pdev)
{
	struct clean_priv *p = kzalloc(sizeof(*p), 0);

	if (!p)
		return -12;
	pdev->drvdata = p;
	return clean_setup(p);
}

static void clean_remove(struct platform_device *pdev)
{
	clean_teardown(pdev->drvdata);
}

struct platform_driver clean_driver = {
	.probe = clean_probe,
	.remove = clean_remove,
};
