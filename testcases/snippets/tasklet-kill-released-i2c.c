/* tasklet: i2c driver; tasklet_init() in probe, tasklet_kill() in remove via i2c_get_clientdata(): silent */
/* family: tasklet */
/* expect-stats: acquired=1 released=1 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct snip_chip {
	struct i2c_client *client;
	struct tasklet_struct tl;
	int count;
};

static void snip_tasklet_fn(unsigned long data)
{
	struct snip_chip *c = (struct snip_chip *)data;

	c->count++;
}

static int snip_probe(struct i2c_client *client)
{
	struct snip_chip *c;

	c = devm_kzalloc(&client->dev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->client = client;
	tasklet_init(&c->tl, snip_tasklet_fn, (unsigned long)c);
	i2c_set_clientdata(client, c);
	return 0;
}

static void snip_remove(struct i2c_client *client)
{
	struct snip_chip *chip = i2c_get_clientdata(client);

	tasklet_kill(&chip->tl);
}

static const struct i2c_device_id snip_id[] = {
	{ "snip-tasklet-i2c" },
	{ }
};
MODULE_DEVICE_TABLE(i2c, snip_id);

static struct i2c_driver snip_driver = {
	.driver = { .name = "snip-tasklet-i2c" },
	.probe = snip_probe,
	.remove = snip_remove,
	.id_table = snip_id,
};
module_i2c_driver(snip_driver);
MODULE_LICENSE("GPL");
