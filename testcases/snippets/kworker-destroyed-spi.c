/* kthread worker: spi driver creates a worker in a probe helper; remove destroys it via spi_get_drvdata(): silent */
/* family: kworker */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/spi/spi.h>
#include <linux/slab.h>
#include <linux/kthread.h>

struct snip_priv {
	struct spi_device *spi;
	struct kthread_worker *worker;
	int count;
};

static int snip_start_worker(struct snip_priv *p)
{
	p->worker = kthread_create_worker(0, "snip");
	return PTR_ERR_OR_ZERO(p->worker);
}

static int snip_probe(struct spi_device *spi)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&spi->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->spi = spi;
	ret = snip_start_worker(p);
	if (ret)
		return ret;
	spi_set_drvdata(spi, p);
	return 0;
}

static void snip_remove(struct spi_device *spi)
{
	struct snip_priv *st = spi_get_drvdata(spi);

	kthread_destroy_worker(st->worker);
}

static const struct spi_device_id snip_id[] = {
	{ "snip-kworker-spi", 0 },
	{ }
};
MODULE_DEVICE_TABLE(spi, snip_id);

static struct spi_driver snip_driver = {
	.driver = { .name = "snip-kworker-spi" },
	.probe = snip_probe,
	.remove = snip_remove,
	.id_table = snip_id,
};
module_spi_driver(snip_driver);
MODULE_LICENSE("GPL");
