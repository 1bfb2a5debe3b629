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
  from_checker  whether the patch is the checker's own fix (patch mode or
                the fix hint) unchanged
"""

FOUND = [
    dict(patch="0001-spi-spi-qpic-snand-unmap-the-DMA-handle-on-probe-failure.patch",
         obj="drivers/spi/spi-qpic-snand.o",
         tag="teardown-error-path", resources=("snandc->base_dma",),
         family="dma", in_6_12=False, from_checker=False),
    dict(patch="0002-rtc-atcrtc100-cancel-the-alarm-work-on-unbind.patch",
         obj="drivers/rtc/rtc-atcrtc100.o",
         tag="teardown-work", resources=("atcrtc_dev->rtc_work",),
         family="work", in_6_12=False, from_checker=False),
    dict(patch="0003-rtc-test-shut-the-alarm-timer-down-on-remove.patch",
         obj="drivers/rtc/rtc-test.o",
         tag="teardown-timer", resources=("rtd->alarm",),
         family="timer", in_6_12=True, from_checker=True),
    dict(patch="0004-watchdog-rdc321x-shut-the-ping-timer-down-on-remove.patch",
         obj="drivers/watchdog/rdc321x_wdt.o",
         tag="teardown-timer", resources=("rdc321x_wdt_device.timer",),
         family="timer", in_6_12=True, from_checker=True),
    dict(patch="0005-Input-wm831x-on-cancel-the-poll-work-when-probe-fails.patch",
         obj="drivers/input/misc/wm831x-on.o",
         tag="teardown-error-path", resources=("wm831x_on->work",),
         family="work", in_6_12=True, from_checker=True),
    dict(patch="0006-rtc-m41t80-unregister-the-watchdog-when-RTC-registration-fails.patch",
         obj="drivers/rtc/rtc-m41t80.o",
         tag="teardown-error-path", resources=("wdt_dev",),
         family="driver", in_6_12=True, from_checker=False),
    dict(patch="0007-watchdog-simatic-ipc-wdt-release-the-GPIO-status-region-on-probe-failure.patch",
         obj="drivers/watchdog/simatic-ipc-wdt.o",
         tag="teardown-error-path", resources=("&ioport_resource",),
         family="region", in_6_12=True, from_checker=False),
    dict(patch="0008-watchdog-alim1535-disable-and-put-the-PMU-when-init-fails.patch",
         obj="drivers/watchdog/alim1535_wdt.o",
         tag="teardown-error-path", resources=("pdev",),
         family="pcidev", in_6_12=True, from_checker=False),
    dict(patch="0009-hwmon-sht15-cancel-the-works-on-remove-and-probe-failure.patch",
         obj="drivers/hwmon/sht15.o",
         tag="teardown-work", resources=("data->read_work",
                                         "data->update_supply_work"),
         family="work", in_6_12=True, from_checker=False),
    dict(patch="0010-media-smipcie-disable-MSI-when-requesting-the-IRQ-fails.patch",
         obj="drivers/media/pci/smipcie/smipcie-main.o",
         tag="teardown-error-path", resources=("dev->pci_dev",),
         family="irqvec", in_6_12=True, from_checker=True),
    dict(patch="0011-media-cx23885-disable-the-PCI-device-when-probe-fails.patch",
         obj="drivers/media/pci/cx23885/cx23885-core.o",
         tag="teardown-error-path", resources=("pci_dev",),
         family="pcidev", in_6_12=True, from_checker=False),
    dict(patch="0012-media-ddbridge-disable-the-PCI-device-on-early-probe-failures.patch",
         obj="drivers/media/pci/ddbridge/ddbridge-main.o",
         tag="teardown-error-path", resources=("pdev",),
         family="pcidev", in_6_12=True, from_checker=True),
    dict(patch="0013-media-bttv-disable-the-PCI-device-when-DMA-or-MMIO-setup-fails.patch",
         obj="drivers/media/pci/bt8xx/bttv-driver.o",
         tag="teardown-error-path", resources=("dev",),
         family="pcidev", in_6_12=True, from_checker=True),
    dict(patch="0014-media-mgb4-free-the-MSI-X-vectors-when-setting-the-DMA-mask-fails.patch",
         obj="drivers/media/pci/mgb4/mgb4_core.o",
         tag="teardown-error-path", resources=("pdev",),
         family="irqvec", in_6_12=True, from_checker=True),
    dict(patch="0015-tty-goldfish-free-the-IRQ-before-unmapping-the-registers.patch",
         obj="drivers/tty/goldfish.o",
         tag="teardown-order", resources=("qtty->base",),
         family="mmio", in_6_12=True, from_checker=True),
    dict(patch="0016-usb-gadget-m66592-udc-free-the-IRQ-before-unmapping-the-registers.patch",
         obj="drivers/usb/gadget/udc/m66592-udc.o",
         tag="teardown-order", resources=("m66592->reg",),
         family="mmio", in_6_12=True, from_checker=True),
    dict(patch="0017-memstick-r592-shut-the-card-detect-timer-down-on-remove-and-probe-failure.patch",
         obj="drivers/memstick/host/r592.o",
         tag="teardown-order", resources=("dev->detect_timer",),
         also=(("teardown-error-path", "dev->detect_timer"),),
         family="timer", in_6_12=True, from_checker=False),
]
