/* the setup half of main.c's driver */
#include <linux/module.h>
#include "two.h"

static void two_work(struct work_struct *w)
{
	struct two_priv *p = container_of(w, struct two_priv, work);

	p->count++;
}

static irqreturn_t two_isr(int irq, void *data)
{
	struct two_priv *p = data;

	schedule_work(&p->work);
	return IRQ_HANDLED;
}

int two_setup(struct two_priv *p)
{
	INIT_WORK(&p->work, two_work); /* expect: teardown-work "two_remove" */
	return request_irq(p->irq, two_isr, 0, "two-files", p);
}
