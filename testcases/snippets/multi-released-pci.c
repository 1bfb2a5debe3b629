/* all families: a pci driver acquires one of each in probe and remove releases all of them; probe's early return when request_irq fails leaks them */
/* family: mmio irq dma dmapool timer hrtimer work dwork workqueue tasklet kthread kworker */
/* kernel: <6.15 */	/* hrtimer_init(), gone in 6.15 */
/* expect-stats: acquired=12 released=12 reported=6 handed_off=0 unkeyed=0 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <linux/delay.h>

struct snip_priv {
	struct pci_dev *pdev;
	void __iomem *bar;
	void *ring;
	dma_addr_t ring_dma;
	struct dma_pool *pool;
	struct timer_list timer;
	struct hrtimer hrt;
	struct work_struct work;
	struct delayed_work poll;
	struct workqueue_struct *wq;
	struct tasklet_struct tl;
	struct task_struct *task;
	struct kthread_worker *worker;
	int count;
};

static irqreturn_t snip_isr(int irq, void *data)
{
	struct snip_priv *p = data;

	p->count++;
	return IRQ_HANDLED;
}

static void snip_timer_fn(struct timer_list *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, timer);

	p->count++;
}

static enum hrtimer_restart snip_hrt_fn(struct hrtimer *t)
{
	struct snip_priv *p = container_of(t, struct snip_priv, hrt);

	p->count++;
	return HRTIMER_NORESTART;
}

static void snip_work_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(work, struct snip_priv, work);

	p->count++;
}

static void snip_poll_fn(struct work_struct *work)
{
	struct snip_priv *p = container_of(to_delayed_work(work), struct snip_priv, poll);

	p->count++;
}

static void snip_tasklet_fn(struct tasklet_struct *t)
{
	struct snip_priv *p = from_tasklet(p, t, tl);

	p->count++;
}

static int snip_thread_fn(void *data)
{
	while (!kthread_should_stop())
		msleep(100);
	return 0;
}

static int snip_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct snip_priv *p;
	int ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->pdev = pdev;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	p->bar = pci_iomap(pdev, 0, 0);
	if (!p->bar)
		return -ENOMEM;
	p->ring = dma_alloc_coherent(&pdev->dev, 4096, &p->ring_dma, GFP_KERNEL);
	p->pool = dma_pool_create("snip", &pdev->dev, 64, 8, 0);
	timer_setup(&p->timer, snip_timer_fn, 0);
	hrtimer_init(&p->hrt, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	p->hrt.function = snip_hrt_fn;
	INIT_WORK(&p->work, snip_work_fn);
	INIT_DELAYED_WORK(&p->poll, snip_poll_fn);
	p->wq = alloc_workqueue("snip", 0, 0);
	tasklet_setup(&p->tl, snip_tasklet_fn);
	p->task = kthread_run(snip_thread_fn, p, "snip");
	p->worker = kthread_create_worker(0, "snip");
	ret = request_irq(pdev->irq, snip_isr, IRQF_SHARED, "snip", p);
	if (ret)	/* expect: teardown-error-path "MMIO mapping 'p->bar'" */ /* expect: teardown-error-path "DMA buffer 'p->ring'" */ /* expect: teardown-error-path "DMA pool 'p->pool'" */ /* expect: teardown-error-path "workqueue 'p->wq'" */ /* expect: teardown-error-path "kthread worker 'p->worker'" */ /* expect: teardown-error-path "kthread 'p->task'" */
		return ret;
	pci_set_drvdata(pdev, p);
	return 0;
}

static void snip_remove(struct pci_dev *pdev)
{
	struct snip_priv *sc = pci_get_drvdata(pdev);

	free_irq(pdev->irq, sc);
	kthread_destroy_worker(sc->worker);
	kthread_stop(sc->task);
	tasklet_kill(&sc->tl);
	destroy_workqueue(sc->wq);
	cancel_delayed_work_sync(&sc->poll);
	cancel_work_sync(&sc->work);
	hrtimer_cancel(&sc->hrt);
	timer_shutdown_sync(&sc->timer);
	dma_pool_destroy(sc->pool);
	dma_free_coherent(&pdev->dev, 4096, sc->ring, sc->ring_dma);
	pci_iounmap(pdev, sc->bar);
}

static const struct pci_device_id snip_ids[] = {
	{ PCI_DEVICE(0x1234, 0x0006) },
	{ }
};
MODULE_DEVICE_TABLE(pci, snip_ids);

static struct pci_driver snip_driver = {
	.name = "snip-multi-pci",
	.id_table = snip_ids,
	.probe = snip_probe,
	.remove = snip_remove,
};
module_pci_driver(snip_driver);
MODULE_LICENSE("GPL");
