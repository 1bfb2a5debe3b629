/* work: i2c driver; remove reaches the struct with i2c_get_clientdata() but never cancels the work */
/* family: work */
/* expect-fixit: "cancel_work_sync(&chip->work);" */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_chip {
	struct i2c_client *client;
	struct work_struct work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_chip *c = container_of(work, struct snip_chip, work);

	c->count++;
}

static int snip_probe(struct i2c_client *client)
{
	struct snip_chip *c;

	c = devm_kzalloc(&client->dev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->client = client;
	INIT_WORK(&c->work, snip_work_fn);	/* expect: teardown-work "work 'c->work' initialised in snip_probe() is never cancelled on remove; add cancel_work_sync(&chip->work) to snip_remove()" */
	i2c_set_clientdata(client, c);
	return 0;
}

static void snip_remove(struct i2c_client *client)
{
	struct snip_chip *chip = i2c_get_clientdata(client);

	chip->count = 0;
}

static const struct i2c_device_id snip_id[] = {
	{ "snip-work-i2c" },
	{ }
};
MODULE_DEVICE_TABLE(i2c, snip_id);

static struct i2c_driver snip_driver = {
	.driver = { .name = "snip-work-i2c" },
	.probe = snip_probe,
	.remove = snip_remove,
	.id_table = snip_id,
};
module_i2c_driver(snip_driver);
MODULE_LICENSE("GPL");
