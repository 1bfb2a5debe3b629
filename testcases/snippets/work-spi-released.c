/* work: spi driver; remove reaches the struct with spi_get_drvdata() and cancels the work */
/* family: work */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/spi/spi.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_priv {
	struct spi_device *spi;
	struct work_struct work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count++;
}

static int snip_probe(struct spi_device *spi)
{
	struct snip_priv *p;

	p = devm_kzalloc(&spi->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->spi = spi;
	INIT_WORK(&p->work, snip_work_fn);
	spi_set_drvdata(spi, p);
	return 0;
}

static void snip_remove(struct spi_device *spi)
{
	struct snip_priv *st = spi_get_drvdata(spi);

	cancel_work_sync(&st->work);
}

static const struct spi_device_id snip_id[] = {
	{ "snip-work-spi", 0 },
	{ }
};
MODULE_DEVICE_TABLE(spi, snip_id);

static struct spi_driver snip_driver = {
	.driver = { .name = "snip-work-spi" },
	.probe = snip_probe,
	.remove = snip_remove,
	.id_table = snip_id,
};
module_spi_driver(snip_driver);
MODULE_LICENSE("GPL");
