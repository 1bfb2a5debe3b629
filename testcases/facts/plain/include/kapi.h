/* the "kernel" this driver is built against: under include/, as a kernel API */
struct work_struct {
	void (*func)(struct work_struct *w);
};
struct platform_device {
	void *drvdata;
};
struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	void (*remove)(struct platform_device *pdev);
};
void cancel_work_sync(struct work_struct *w);
int schedule_work(struct work_struct *w);
void *kzalloc(unsigned long size, int flags);
