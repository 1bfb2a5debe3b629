/* the setup and teardown halves of main.c's driver */
#include <linux/module.h>
#include "two.h"

static void twor_work(struct work_struct *w)
{
	struct twor_priv *p = container_of(w, struct twor_priv, work);

	p->count++;
}

static irqreturn_t twor_isr(int irq, void *data)
{
	struct twor_priv *p = data;

	schedule_work(&p->work);
	return IRQ_HANDLED;
}

int twor_setup(struct twor_priv *p)
{
	INIT_WORK(&p->work, twor_work);
	return request_irq(p->irq, twor_isr, 0, "two-files-released", p);
}

void twor_teardown(struct twor_priv *p)
{
	free_irq(p->irq, p);
	cancel_work_sync(&p->work);
}
