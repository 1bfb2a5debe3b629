/* work: usb driver; .disconnect frees the struct without cancelling the work */
/* family: work */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct snip_usb {
	struct usb_interface *intf;
	struct work_struct work;
	int count;
};

static void snip_work_fn(struct work_struct *work)
{
	struct snip_usb *u = container_of(work, struct snip_usb, work);

	u->count++;
}

static int snip_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct snip_usb *u;

	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return -ENOMEM;
	u->intf = intf;
	INIT_WORK(&u->work, snip_work_fn);	/* expect: teardown-work "add cancel_work_sync(&dev->work) to snip_disconnect()" */
	usb_set_intfdata(intf, u);
	schedule_work(&u->work);
	return 0;
}

static void snip_disconnect(struct usb_interface *intf)
{
	struct snip_usb *dev = usb_get_intfdata(intf);

	kfree(dev);
}

static const struct usb_device_id snip_table[] = {
	{ USB_DEVICE(0x1234, 0x5678) },
	{ }
};
MODULE_DEVICE_TABLE(usb, snip_table);

static struct usb_driver snip_driver = {
	.name = "snip-work-usb-missing",
	.probe = snip_probe,
	.disconnect = snip_disconnect,
	.id_table = snip_table,
};
module_usb_driver(snip_driver);
MODULE_LICENSE("GPL");
