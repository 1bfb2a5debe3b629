"""The register of real bugs (docs/found/): for each patch, the object it
changes in Linux 7.3, the finding it fixes, and what docs/found/README.md
says of it.

  patch         the file in docs/found/, git format-patch style
  obj           the object the patched file builds (one file a patch)
  tag, resources the findings, as the checker names them, that must go
  also          more (tag, resource) findings the patch fixes, if any
  family        the resource family (rules/teardown.rules)
  in_6_12       whether Linux 6.12 has the bug too (False: the driver or
                the code is newer)
  fix           how the patch stands to the fix the checker proposes:
                  "checker"      the patch is the checker's fix (the
                                 message, the fix-it hint or patch mode)
                                 unchanged;
                  "corrected"    the checker's fix was wrong or too vague
                                 to apply, and the fix generator was
                                 corrected: its message on the driver now
                                 says `says`, and `regression` is the
                                 snippet (testcases/snippets/) that keeps
                                 it so;
                  "alternative"  the checker's fix is right; the patch
                                 takes another it also names, or one
                                 label for several exits;
                  "beyond"       the checker's fix is right for what the
                                 rules model; the patch also undoes what
                                 they do not (a notifier, a reference)
  says          "corrected" only: text the finding's message must contain
  regression    the snippet(s) (testcases/snippets/) that test the
                corrected fix text, or the engine change the patch needed
"""

# The kernel the patches are against.
KERNEL = "7.3"

FOUND = [
    dict(patch="0001-spi-spi-qpic-snand-unmap-the-DMA-handle-on-probe-failure.patch",
         obj="drivers/spi/spi-qpic-snand.o",
         tag="teardown-error-path", resources=("snandc->base_dma",),
         family="dma", in_6_12=False, fix="corrected", says="pass it 'snandc->base_dma' instead",
         regression=("ep-dma-map-resource-wrong-handle.c",
                     "ep-dma-two-buffers-one-freed.c")),
    dict(patch="0002-rtc-atcrtc100-cancel-the-alarm-work-on-unbind.patch",
         obj="drivers/rtc/rtc-atcrtc100.o",
         tag="teardown-work", resources=("atcrtc_dev->rtc_work",),
         family="work", in_6_12=False, fix="corrected",
         says="use devm_work_autocancel() instead, before anything that can queue it",
         regression=("work-no-remove.c",)),
    dict(patch="0003-rtc-test-shut-the-alarm-timer-down-on-remove.patch",
         obj="drivers/rtc/rtc-test.o",
         tag="teardown-timer", resources=("rtd->alarm",),
         family="timer", in_6_12=True, fix="checker", regression=("timer-no-remove.c",)),
    dict(patch="0004-watchdog-rdc321x-shut-the-ping-timer-down-on-remove.patch",
         obj="drivers/watchdog/rdc321x_wdt.o",
         tag="teardown-timer", resources=("rdc321x_wdt_device.timer",),
         family="timer", in_6_12=True, fix="checker"),
    dict(patch="0005-Input-wm831x-on-cancel-the-poll-work-when-probe-fails.patch",
         obj="drivers/input/misc/wm831x-on.o",
         tag="teardown-error-path", resources=("wm831x_on->work",),
         family="work", in_6_12=True, fix="checker"),
    dict(patch="0006-rtc-m41t80-unregister-the-watchdog-when-RTC-registration-fails.patch",
         obj="drivers/rtc/rtc-m41t80.o",
         tag="teardown-error-path", resources=("wdt_dev",),
         family="driver", in_6_12=True, fix="beyond"),
    dict(patch="0007-watchdog-simatic-ipc-wdt-release-the-GPIO-status-region-on-probe-failure.patch",
         obj="drivers/watchdog/simatic-ipc-wdt.o",
         tag="teardown-error-path", resources=("&ioport_resource",),
         family="region", in_6_12=True, fix="corrected", says="releases it only on success",
         regression=("ep-region-released-on-success.c",)),
    dict(patch="0008-watchdog-alim1535-disable-and-put-the-PMU-when-init-fails.patch",
         obj="drivers/watchdog/alim1535_wdt.o",
         tag="teardown-error-path", resources=("pdev",),
         family="pcidev", in_6_12=True, fix="beyond"),
    dict(patch="0009-hwmon-sht15-cancel-the-works-on-remove-and-probe-failure.patch",
         obj="drivers/hwmon/sht15.o",
         tag="teardown-work", resources=("data->read_work",
                                         "data->update_supply_work"),
         family="work", in_6_12=True, fix="alternative"),
    dict(patch="0010-media-smipcie-disable-MSI-when-requesting-the-IRQ-fails.patch",
         obj="drivers/media/pci/smipcie/smipcie-main.o",
         tag="teardown-error-path", resources=("dev->pci_dev",),
         family="irqvec", in_6_12=True, fix="checker"),
    dict(patch="0011-media-cx23885-disable-the-PCI-device-when-probe-fails.patch",
         obj="drivers/media/pci/cx23885/cx23885-core.o",
         tag="teardown-error-path", resources=("pci_dev",),
         family="pcidev", in_6_12=True, fix="alternative"),
    dict(patch="0012-media-ddbridge-disable-the-PCI-device-on-early-probe-failures.patch",
         obj="drivers/media/pci/ddbridge/ddbridge-main.o",
         tag="teardown-error-path", resources=("pdev",),
         family="pcidev", in_6_12=True, fix="checker"),
    dict(patch="0013-media-bttv-disable-the-PCI-device-when-DMA-or-MMIO-setup-fails.patch",
         obj="drivers/media/pci/bt8xx/bttv-driver.o",
         tag="teardown-error-path", resources=("dev",),
         family="pcidev", in_6_12=True, fix="checker"),
    dict(patch="0014-media-mgb4-free-the-MSI-X-vectors-when-setting-the-DMA-mask-fails.patch",
         obj="drivers/media/pci/mgb4/mgb4_core.o",
         tag="teardown-error-path", resources=("pdev",),
         family="irqvec", in_6_12=True, fix="checker"),
    dict(patch="0015-tty-goldfish-free-the-IRQ-before-unmapping-the-registers.patch",
         obj="drivers/tty/goldfish.o",
         tag="teardown-order", resources=("qtty->base",),
         family="mmio", in_6_12=True, fix="checker"),
    dict(patch="0016-usb-gadget-m66592-udc-free-the-IRQ-before-unmapping-the-registers.patch",
         obj="drivers/usb/gadget/udc/m66592-udc.o",
         tag="teardown-order", resources=("m66592->reg",),
         family="mmio", in_6_12=True, fix="checker"),
    dict(patch="0017-memstick-r592-shut-the-card-detect-timer-down-on-remove-and-probe-failure.patch",
         obj="drivers/memstick/host/r592.o",
         tag="teardown-order", resources=("dev->detect_timer",),
         also=(("teardown-error-path", "dev->detect_timer"),),
         family="timer", in_6_12=True, fix="corrected",
         says="or stop 'dev->detect_timer' with timer_shutdown_sync()",
         regression=("order-irq-timer.c",)),
    dict(patch="0018-mei-gsc-stop-the-polling-thread-when-registration-fails.patch",
         obj="drivers/misc/mei/gsc-me.o",
         tag="teardown-error-path", resources=("hw->polling_thread",),
         family="kthread", in_6_12=True, fix="checker"),
    dict(patch="0019-usb-typec-anx7411-free-the-IRQ-before-destroying-the-workqueue-on-probe-failure.patch",
         obj="drivers/usb/typec/anx7411.o",
         tag="teardown-error-order", resources=("plat->workqueue",),
         family="workqueue", in_6_12=True, fix="checker"),
    dict(patch="0020-Input-palmas-pwrbutton-free-the-IRQ-before-cancelling-the-work-on-probe-failure.patch",
         obj="drivers/input/misc/palmas-pwrbutton.o",
         tag="teardown-error-order", resources=("pwron->input_work",),
         family="dwork", in_6_12=True, fix="checker"),
    dict(patch="0021-mmc-wbsd-stop-the-ignore-timer-before-cancelling-the-card-work.patch",
         obj="drivers/mmc/host/wbsd.o",
         tag="teardown-order", resources=("host->card_bh_work",),
         family="work", in_6_12=True, fix="checker"),
    dict(patch="0022-fbdev-sh_mobile_lcdc-free-the-IRQ-before-unmapping-the-registers.patch",
         obj="drivers/video/fbdev/sh_mobile_lcdcfb.o",
         tag="teardown-order", resources=("priv->base",),
         family="mmio", in_6_12=True, fix="checker"),
    dict(patch="0023-mfd-sm501-remove-the-sub-devices-when-the-clock-check-fails.patch",
         obj="drivers/mfd/sm501.o",
         tag="teardown-error-path", resources=("gpio->regs",),
         family="mmio", in_6_12=True, fix="corrected",
         says="call sm501_dev_remove(), with which sm501_plat_remove() releases it, where sm501_init_dev() fails at line 1326",
         regression=("ep-helper-fails-remove-helper.c",)),
    dict(patch="0024-serial-ma35d1-unmap-the-registers-on-remove.patch",
         obj="drivers/tty/serial/ma35d1_serial.o",
         tag="teardown-mmio", resources=("up->port.membase",),
         family="mmio", in_6_12=True, fix="checker"),
    dict(patch="0025-spi-qcom-qspi-request-the-IRQ-after-creating-the-descriptor-pool.patch",
         obj="drivers/spi/spi-qcom-qspi.o",
         tag="teardown-order", resources=("ctrl->dma_cmd_pool",),
         family="dmapool", in_6_12=True, fix="corrected",
         says="acquire 'ctrl->dma_cmd_pool' before the IRQ handler",
         regression=("order-devm-dmapool-after-irq.c",)),
    dict(patch="0026-watchdog-softdog-stop-the-timers-when-registration-fails.patch",
         obj="drivers/watchdog/softdog.o",
         tag="teardown-error-path",
         resources=("softdog_ticktock", "softdog_preticktock"),
         family="hrtimer", in_6_12=True, fix="alternative",
         regression=("module-ops-stop-on-init-failure.c",
                     "ep-module-ops-started-not-stopped.c")),
]
