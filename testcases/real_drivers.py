"""Real Linux drivers used as mutation test cases for teardown-check.

Each entry names a driver whose probe() (or a same-file helper it calls)
acquires a non-managed resource that remove() (or a same-file helper only
remove reaches) releases with a single statement.  The harness replaces the
line matching `delete` (it matches exactly one line of the file) with an
empty statement, so a brace-less `if` keeps its shape, and expects the
checker to report `expect` on top of what it reports for the file as it is
(`asis`, empty unless the driver has a real bug, explained beside it).

`family` values are the rules' families: mmio, irq, dma (coherent
buffers), dmapool, timer, hrtimer, work (INIT_WORK), dwork
(INIT_DELAYED_WORK), workqueue, tasklet, kthread, kworker (kthread
workers).

Paths are relative to the kernel source root (linux-source-6.12).  Every
`config` is =m in x86_64 allmodconfig, and every file compiles with the
allmodconfig flags as shipped; mutated, they compile under the checker's
-w (a brace-less `if` whose body becomes `;` trips -Werror=empty-body).  Line numbers in `why` refer to the unmodified file.
Two `delete` regexes are anchored on the exact indentation (two tabs)
because the probe error path holds the identical statement one level up;
where even the indentation is the same, `after` names a line before the
remove path's copy (the first match after it is deleted).

The same entries run on Linux 7.3: an entry applies there as it is unless
its v7_3=dict(...) says what differs and why, or skips it with the reason
(testcases/kernel_versions.py).
"""

DRIVERS = [
    dict(
        path='drivers/net/ethernet/rdc/r6040.c',
        obj='drivers/net/ethernet/rdc/r6040.o',
        config='CONFIG_R6040',
        families=['mmio'],
        delete=r"^\s*pci_iounmap\(pdev, lp->base\);",
        expect=dict(family='mmio', resource='lp->base', acquired_in='r6040_init_one'),
        why='r6040_init_one() line 1079: ioaddr = pci_iomap(pdev, bar, io_size);  ->  r6040_remove_one() line 1195: pci_iounmap(pdev, lp->base); -- stored through a local: ioaddr = pci_iomap(...) then lp->base = ioaddr; probe error path unmaps the local (pci_iounmap(pdev, ioaddr))',
    ),
    dict(
        path='drivers/dma/pch_dma.c',
        obj='drivers/dma/pch_dma.o',
        config='CONFIG_PCH_DMA',
        families=['mmio', 'irq', 'dma', 'tasklet'],
        delete=r"^\t\tpci_iounmap\(pdev, pd->membase\);$",
        expect=dict(family='mmio', resource='pd->membase', acquired_in='pch_dma_probe'),
        why='pch_dma_probe() line 839: regs = pd->membase = pci_iomap(pdev, 1, 0);  ->  pch_dma_remove() line 937: pci_iounmap(pdev, pd->membase); -- chained assignment regs = pd->membase = pci_iomap(...); regex anchored on two tabs because the probe error path has the identical statement with one tab',
    ),
    dict(
        path='drivers/media/pci/bt8xx/bt878.c',
        obj='drivers/media/pci/bt8xx/bt878.o',
        config='CONFIG_DVB_BT8XX',
        families=['mmio', 'irq', 'dma'],
        delete=r"^\s*iounmap\(bt->bt878_mem\);",
        expect=dict(family='mmio', resource='bt->bt878_mem', acquired_in='bt878_probe'),
        why='bt878_probe() line 447: bt->bt878_mem = ioremap(bt->bt878_adr, 0x1000);  ->  bt878_remove() line 520: iounmap(bt->bt878_mem); -- bt points into the global bt878[] array; ioremap is in the #else of #ifdef __sparc__; the deleted line is the body of if (bt->bt878_mem), so after deletion that if guards release_mem_region() instead (still compiles)',
    ),
    dict(
        path='drivers/iio/trigger/iio-trig-interrupt.c',
        v7_3=dict(skip='the interrupt trigger driver is gone from drivers/iio/trigger/ in 7.3 (no file, no Kconfig symbol)'),
        obj='drivers/iio/trigger/iio-trig-interrupt.o',
        config='CONFIG_IIO_INTERRUPT_TRIGGER',
        families=['irq'],
        delete=r"^\s*free_irq\(trig_info->irq, trig\);",
        expect=dict(family='irq', resource='trig', acquired_in='iio_interrupt_trigger_probe'),
        why="iio_interrupt_trigger_probe() line 58: ret = request_irq(irq, iio_interrupt_trigger_poll,  ->  iio_interrupt_trigger_remove() line 92: free_irq(trig_info->irq, trig); -- remove passes trig_info->irq (same value as probe's local irq); probe error path uses free_irq(irq, trig), a different line",
    ),
    dict(
        path='drivers/spi/spi-sh.c',
        obj='drivers/spi/spi-sh.o',
        config='CONFIG_SPI_SH',
        families=['irq'],
        delete=r"^\s*free_irq\(ss->irq, ss\);",
        expect=dict(family='irq', resource='ss', acquired_in='spi_sh_probe'),
        why='spi_sh_probe() line 435: ret = request_irq(irq, spi_sh_irq, 0, "spi_sh", ss);  ->  spi_sh_remove() line 385: free_irq(ss->irq, ss); -- probe error path uses free_irq(irq, ss), a different line',
    ),
    dict(
        path='drivers/input/mouse/synaptics_i2c.c',
        v7_3=dict(skip='7.3 requests the IRQ with devm_request_irq() (line 548) and remove() no longer frees it: no release to delete'),
        obj='drivers/input/mouse/synaptics_i2c.o',
        config='CONFIG_MOUSE_SYNAPTICS_I2C',
        families=['irq'],
        delete=r"^\s*free_irq\(client->irq, touch\);",
        expect=dict(family='irq', resource='touch', acquired_in='synaptics_i2c_probe'),
        why='synaptics_i2c_probe() line 552: ret = request_irq(touch->client->irq, synaptics_i2c_irq,  ->  synaptics_i2c_remove() line 594: free_irq(client->irq, touch); -- conditional: request and free both guarded by !polling_req (a module-global flag); the deleted line is the body of a braceless if, so after deletion that if guards input_unregister_device() instead (still compiles)',
    ),
    dict(
        path='drivers/i2c/busses/i2c-imx.c',
        obj='drivers/i2c/busses/i2c-imx.o',
        config='CONFIG_I2C_IMX',
        families=['irq', 'hrtimer'],
        delete=r"^\t\tfree_irq\(irq, i2c_imx\);$",
        expect=dict(family='irq', resource='i2c_imx', acquired_in='i2c_imx_probe'),
        why='i2c_imx_probe() line 1515: ret = request_irq(irq, i2c_imx_isr, IRQF_SHARED, pdev->name, i2c_imx);  ->  i2c_imx_remove() line 1598: free_irq(irq, i2c_imx); -- regex is anchored on two tabs: the probe error path has the identical statement with one tab; the deleted line is the body of if (irq >= 0), so after deletion that if guards pm_runtime_put_noidle() instead (still compiles)',
    ),
    dict(
        path='drivers/usb/phy/phy-tahvo.c',
        obj='drivers/usb/phy/phy-tahvo.o',
        config='CONFIG_TAHVO_USB',
        families=['irq'],
        delete=r"^\s*free_irq\(tu->irq, tu\);",
        expect=dict(family='irq', resource='tu', acquired_in='tahvo_usb_probe'),
        why='tahvo_usb_probe() line 395: ret = request_threaded_irq(tu->irq, NULL, tahvo_usb_vbus_interrupt,  ->  tahvo_usb_remove() line 419: free_irq(tu->irq, tu);',
    ),
    dict(
        path='drivers/net/ethernet/dec/tulip/xircom_cb.c',
        v7_3=dict(skip='xircom_cb.c is gone from drivers/net/ethernet/dec/tulip/ in 7.3 (sunxi-mmc.c is the dma case on both)'),
        obj='drivers/net/ethernet/dec/tulip/xircom_cb.o',
        config='CONFIG_PCMCIA_XIRCOM',
        families=['mmio', 'dma'],
        delete=r"^\s*dma_free_coherent\(d, 8192, card->tx_buffer, card->tx_dma_handle\);",
        expect=dict(family='dma', resource='private->tx_buffer', acquired_in='xircom_probe'),
        why='xircom_probe() line 240: private->tx_buffer = dma_alloc_coherent(d, 8192,  ->  xircom_remove() line 317: dma_free_coherent(d, 8192, card->tx_buffer, card->tx_dma_handle); -- remove names the same object card->tx_buffer; probe error path frees private->tx_buffer (different line); the IRQ is requested in ndo_open, not probe',
    ),
    dict(
        path='drivers/mmc/host/sunxi-mmc.c',
        obj='drivers/mmc/host/sunxi-mmc.o',
        config='CONFIG_MMC_SUNXI',
        families=['dma'],
        delete=r"^\tdma_free_coherent\(&pdev->dev, PAGE_SIZE, host->sg_cpu, host->sg_dma\);$",
        after=r"^static void sunxi_mmc_remove\(",
        expect=dict(family='dma', resource='host->sg_cpu', acquired_in='sunxi_mmc_probe'),
        why='sunxi_mmc_probe() line 1388: host->sg_cpu = dma_alloc_coherent(&pdev->dev, PAGE_SIZE, &host->sg_dma, GFP_KERNEL);  ->  sunxi_mmc_remove() line 1500: dma_free_coherent(&pdev->dev, PAGE_SIZE, host->sg_cpu, host->sg_dma); -- the probe error label has the identical line (1483, one tab too), hence `after`; the IRQ and registers are devm',
        v7_3=dict(why='the same driver; probe uses devm_mmc_alloc_host() now, so the error label (line 1479) and remove() (line 1494) each keep only the dma_free_coherent()'),
    ),
    dict(
        path='drivers/net/ethernet/intel/e100.c',
        # A real finding: tx_timeout_task is scheduled from ndo_tx_timeout
        # and the RX path and never cancelled anywhere; e100_remove() frees
        # the netdev (and nic with it) while the work may still be queued.
        asis=[dict(family='work', resource='nic->tx_timeout_task')],
        obj='drivers/net/ethernet/intel/e100.o',
        config='CONFIG_E100',
        families=['mmio', 'dmapool'],
        delete=r"^\s*dma_pool_destroy\(nic->cbs_pool\);",
        expect=dict(family='dmapool', resource='nic->cbs_pool', acquired_in='e100_probe'),
        why='e100_probe() line 2949: nic->cbs_pool = dma_pool_create(netdev->name,  ->  e100_remove() line 2990: dma_pool_destroy(nic->cbs_pool); -- the watchdog timer and tx_timeout_task set up in probe are stopped in e100_down()/ndo_stop (reached via unregister_netdev, not from remove), so they are not listed',
    ),
    dict(
        path='drivers/dma/pch_dma.c',
        obj='drivers/dma/pch_dma.o',
        config='CONFIG_PCH_DMA',
        families=['mmio', 'irq', 'dmapool', 'tasklet'],
        delete=r"^\t\tdma_pool_destroy\(pd->pool\);$",
        expect=dict(family='dmapool', resource='pd->pool', acquired_in='pch_dma_probe'),
        why='pch_dma_probe() line 855: pd->pool = dma_pool_create("pch_dma_desc_pool", &pdev->dev, ..);  ->  pch_dma_remove() line 936: dma_pool_destroy(pd->pool); -- the descriptor pool the channels allocate from; anchored on two tabs: the probe error label has it with one (904)',
    ),
    dict(
        path='drivers/mmc/host/via-sdmmc.c',
        v7_3=dict(delete=r"^\s*timer_delete_sync\(&sdhost->timer\);",
                  why='del_timer_sync() is gone in 7.3: via_sd_remove() line 1212 stops the timer with timer_delete_sync(&sdhost->timer) (timer_setup line 1033)'),
        obj='drivers/mmc/host/via-sdmmc.o',
        config='CONFIG_MMC_VIA_SDMMC',
        families=['mmio', 'irq', 'timer', 'work'],
        delete=r"^\s*del_timer_sync\(&sdhost->timer\);",
        expect=dict(family='timer', resource='host->timer', acquired_in='via_init_mmc_host'),
        why='via_init_mmc_host() line 1034: timer_setup(&host->timer, via_sdc_timeout, 0);  ->  via_sd_remove() line 1215: del_timer_sync(&sdhost->timer); -- helper via_init_mmc_host() is called from via_sd_probe; remove refers to it as sdhost->timer; the only other stop is a plain del_timer() in the finish_bh_work handler',
    ),
    dict(
        path='drivers/media/rc/ene_ir.c',
        # Debian's 6.12.118 and 7.3 call free_irq() before
        # timer_delete_sync(): the IRQ that can re-arm the timer is freed
        # first, so the order finding 6.12.117 had is gone (a fix upstream).
        asis=[],
        obj='drivers/media/rc/ene_ir.o',
        config='CONFIG_IR_ENE',
        families=['timer', 'irq'],
        delete=r"^\s*(del_timer_sync|timer_delete_sync)\(&dev->tx_sim_timer\);",
        expect=dict(family='timer', resource='dev->tx_sim_timer', acquired_in='ene_probe'),
        why='ene_probe() line 1035: timer_setup(&dev->tx_sim_timer, ene_tx_irqsim, 0);  ->  ene_remove() line 1106: del_timer_sync(&dev->tx_sim_timer); -- conditional setup (only with txsim on non-TX-capable hardware), unconditional del_timer_sync in remove',
    ),
    dict(
        path='drivers/hid/hid-appleir.c',
        obj='drivers/hid/hid-appleir.o',
        config='CONFIG_HID_APPLEIR',
        families=['timer'],
        delete=r"^\s*timer_shutdown_sync\(&appleir->key_up_timer\);",
        expect=dict(family='timer', resource='appleir->key_up_timer', acquired_in='appleir_probe'),
        why='appleir_probe() line 309: timer_setup(&appleir->key_up_timer, key_up_tick, 0);  ->  appleir_remove() line 346: timer_shutdown_sync(&appleir->key_up_timer); -- re-armed with mod_timer() from raw_event; remove sets appleir->removing under the lock, then timer_shutdown_sync(), then hid_hw_stop()',
    ),
    # (wave5-vpu.c was dropped: its remove() hands the device to
    # wave5_vpu_enc_unregister_device() in another file, so with the cancel
    # deleted the checker rightly stays silent and counts it as handed off.)
    dict(
        path='drivers/char/hw_random/timeriomem-rng.c',
        obj='drivers/char/hw_random/timeriomem-rng.o',
        config='CONFIG_HW_RANDOM_TIMERIOMEM',
        families=['hrtimer'],
        delete=r"^\s*hrtimer_cancel\(&priv->timer\);",
        expect=dict(family='hrtimer', resource='priv->timer', acquired_in='timeriomem_rng_probe'),
        why='timeriomem_rng_probe() line 155: hrtimer_init(&priv->timer, ...) + .function;  ->  timeriomem_rng_remove() line 181: hrtimer_cancel(&priv->timer);',
    ),
    dict(
        path='drivers/tty/serial/8250/8250_bcm7271.c',
        obj='drivers/tty/serial/8250/8250_bcm7271.o',
        config='CONFIG_SERIAL_8250_BCM7271',
        families=['hrtimer', 'dma'],
        delete=r"^\s*hrtimer_cancel\(&priv->hrt\);",
        expect=dict(family='hrtimer', resource='priv->hrt', acquired_in='brcmuart_probe'),
        why='brcmuart_probe() line 1059: hrtimer_init(&priv->hrt, CLOCK_MONOTONIC, HRTIMER_MODE_ABS);  ->  brcmuart_remove() line 1128: hrtimer_cancel(&priv->hrt); -- .function = brcmuart_hrtimer_func; started from the port IRQ handler, which serial8250_unregister_port() shuts down before the cancel',
    ),
    dict(
        path='drivers/rtc/rtc-ds1374.c',
        obj='drivers/rtc/rtc-ds1374.o',
        config='CONFIG_RTC_DRV_DS1374',
        families=['work'],
        delete=r"^\s*cancel_work_sync\(&ds1374->work\);",
        expect=dict(family='work', resource='ds1374->work', acquired_in='ds1374_probe'),
        why='ds1374_probe() line 486: INIT_WORK(&ds1374->work, ds1374_work);  ->  ds1374_remove() line 543: cancel_work_sync(&ds1374->work); -- queued on system_wq from the IRQ handler; remove does devm_free_irq() first, then the cancel (both under client->irq > 0)',
    ),
    dict(
        path='drivers/power/supply/isp1704_charger.c',
        obj='drivers/power/supply/isp1704_charger.o',
        config='CONFIG_CHARGER_ISP1704',
        families=['work'],
        delete=r"^\s*cancel_work_sync\(&isp->work\);",
        expect=dict(family='work', resource='isp->work', acquired_in='isp1704_charger_probe'),
        why='isp1704_charger_probe() line 439: INIT_WORK(&isp->work, isp1704_charger_work);  ->  isp1704_charger_remove() line 485: cancel_work_sync(&isp->work); -- queued with schedule_work() from the USB notifier, which remove unregisters before the cancel',
    ),
    dict(
        path='drivers/hid/hid-gt683r.c',
        obj='drivers/hid/hid-gt683r.o',
        config='CONFIG_HID_GT683R',
        families=['work'],
        delete=r"^\s*flush_work\(&led->work\);",
        expect=dict(family='work', resource='led->work', acquired_in='gt683r_led_probe'),
        why='gt683r_led_probe() line 237: INIT_WORK(&led->work, gt683r_led_work);  ->  gt683r_led_remove() line 295: flush_work(&led->work); -- release is flush_work(); the LED classdevs that schedule it are unregistered just before',
    ),
    dict(
        path='drivers/power/supply/ds2782_battery.c',
        v7_3=dict(skip='7.3 sets the work up with devm_delayed_work_autocancel() (line 417) and has no remove(): the cancel is managed, nothing to delete'),
        obj='drivers/power/supply/ds2782_battery.o',
        config='CONFIG_BATTERY_DS2782',
        families=['dwork'],
        delete=r"^\s*cancel_delayed_work_sync\(&info->bat_work\);",
        expect=dict(family='dwork', resource='info->bat_work', acquired_in='ds278x_battery_probe'),
        why='ds278x_battery_probe() line 423: INIT_DELAYED_WORK(&info->bat_work, ds278x_bat_work);  ->  ds278x_battery_remove() line 321: cancel_delayed_work_sync(&info->bat_work); -- delayed work (INIT_DELAYED_WORK) that requeues itself on system_wq; suspend uses a non-sync cancel_delayed_work() outside the remove path',
    ),
    dict(
        path='drivers/hid/hid-elo.c',
        obj='drivers/hid/hid-elo.o',
        config='CONFIG_HID_ELO',
        families=['dwork'],
        delete=r"^\s*cancel_delayed_work_sync\(&priv->work\);",
        expect=dict(family='dwork', resource='priv->work', acquired_in='elo_probe'),
        why='elo_probe() line 242: INIT_DELAYED_WORK(&priv->work, elo_work);  ->  elo_remove() line 275: cancel_delayed_work_sync(&priv->work); -- delayed work queued on the module-global workqueue wq, which is created/destroyed in module init/exit (not in remove), so the cancel is the only fence; remove kfree()s priv right after',
    ),
    dict(
        path='drivers/platform/chrome/cros_usbpd_logger.c',
        v7_3=dict(skip='7.3 allocates the workqueue with devm_alloc_ordered_workqueue() (line 214) and remove() no longer destroys it: nothing to delete'),
        obj='drivers/platform/chrome/cros_usbpd_logger.o',
        config='CONFIG_CROS_USBPD_LOGGER',
        families=['workqueue', 'work'],
        delete=r"^\s*destroy_workqueue\(logger->log_workqueue\);",
        expect=dict(family='workqueue', resource='logger->log_workqueue', acquired_in='cros_usbpd_logger_probe'),
        why='cros_usbpd_logger_probe() line 213: logger->log_workqueue =\tcreate_singlethread_workqueue("cros_usbpd_log");  ->  cros_usbpd_logger_remove() line 228: destroy_workqueue(logger->log_workqueue); -- the delayed log_work is queued only on this private workqueue, so the destroy (not the cancel) is the mutation',
    ),
    dict(
        path='drivers/bluetooth/btintel_pcie.c',
        v7_3=dict(delete=r"^\tdestroy_workqueue\(data->workqueue\);$",
                  # KNOWN FALSE, reported until the engine models it: remove()
          # masks the device's interrupts and synchronize_irq()s every
          # vector (btintel_pcie_disable_interrupts/_synchronize_irqs,
          # lines 3141-3143) before flush_work(&data->rx_work) at 3145,
          # so the devm MSI-X handlers can no longer queue it.
          asis=[dict(family='work', resource='data->rx_work', tag='teardown-order')],
          why='btintel_pcie_probe() line 3047: data->workqueue = alloc_ordered_workqueue(KBUILD_MODNAME, WQ_HIGHPRI);  ->  btintel_pcie_remove() line 3160: destroy_workqueue(data->workqueue); -- 7.3 also destroys it at line 3053 when the second (dump) workqueue fails, with two tabs, so the remove line is anchored on one'),
        obj='drivers/bluetooth/btintel_pcie.o',
        config='CONFIG_BT_INTEL_PCIE',
        families=['workqueue', 'work', 'dma'],
        delete=r"^\s*destroy_workqueue\(data->workqueue\);",
        expect=dict(family='workqueue', resource='data->workqueue', acquired_in='btintel_pcie_probe'),
        why='btintel_pcie_probe() line 1640: data->workqueue = alloc_ordered_workqueue(KBUILD_MODNAME, WQ_HIGHPRI);  ->  btintel_pcie_remove() line 1712: destroy_workqueue(data->workqueue); -- rx_work is queued only on data->workqueue, so the destroy (not the flush_work) is the mutation',
    ),
    dict(
        path='drivers/net/ethernet/micrel/ks8842.c',
        obj='drivers/net/ethernet/micrel/ks8842.o',
        config='CONFIG_KS8842',
        families=['mmio', 'tasklet'],
        delete=r"^\s*tasklet_kill\(&adapter->tasklet\);",
        expect=dict(family='tasklet', resource='adapter->tasklet', acquired_in='ks8842_probe'),
        why='ks8842_probe() line 1181: tasklet_setup(&adapter->tasklet, ks8842_tasklet);  ->  ks8842_remove() line 1238: tasklet_kill(&adapter->tasklet); -- the IRQ that schedules the tasklet is freed in ndo_stop (via unregister_netdev) before the kill; timeout_work from probe is cancelled in ndo_stop, not listed',
    ),
    dict(
        path='drivers/dma/nbpfaxi.c',
        obj='drivers/dma/nbpfaxi.o',
        config='CONFIG_NBPFAXI_DMA',
        families=['tasklet'],
        delete=r"^\s*tasklet_kill\(&chan->tasklet\);",
        expect=dict(family='tasklet', resource='chan->tasklet', acquired_in='nbpf_chan_probe'),
        why='nbpf_chan_probe() line 1275: tasklet_setup(&chan->tasklet, nbpf_chan_tasklet);  ->  nbpf_remove() line 1481: tasklet_kill(&chan->tasklet); -- per-channel: helper nbpf_chan_probe() (called in a loop from nbpf_probe) sets it up; remove kills it in a loop after devm_free_irq() of the channel IRQ',
    ),
    dict(
        path='drivers/media/i2c/msp3400-driver.c',
        obj='drivers/media/i2c/msp3400-driver.o',
        config='CONFIG_VIDEO_MSP3400',
        families=['kthread'],
        delete=r"^\s*kthread_stop\(state->kthread\);",
        expect=dict(family='kthread', resource='state->kthread', acquired_in='msp_probe'),
        why='msp_probe() line 846: state->kthread = kthread_run(thread_func, client, "msp34xx");  ->  msp_remove() line 863: kthread_stop(state->kthread); -- conditional: started only when an opmode thread function is selected; remove stops it inside if (state->kthread) { state->restart = 1; kthread_stop(...); } so the block survives the deletion; the thread bodies live in msp3400-kthreads.c (same module, other file)',
    ),
    dict(
        path='drivers/media/pci/cx88/cx88-video.c',
        obj='drivers/media/pci/cx88/cx88-video.o',
        config='CONFIG_VIDEO_CX88',
        families=['kthread', 'irq'],
        delete=r"^\s*kthread_stop\(core->kthread\);",
        expect=dict(family='kthread', resource='core->kthread', acquired_in='cx8800_initdev'),
        why='cx8800_initdev() line 1498: core->kthread = kthread_run(cx88_audio_thread,  ->  cx8800_finidev() line 1532: kthread_stop(core->kthread); -- conditional (tuner present); remove stops it inside if (core->kthread) { ...; core->kthread = NULL; } so the block survives the deletion; object is part of the composite cx8800.o',
    ),
    dict(
        path='drivers/net/wireless/intersil/p54/p54spi.c',
        obj='drivers/net/wireless/intersil/p54/p54spi.o',
        config='CONFIG_P54_SPI',
        families=['irq'],
        delete=r"^\tfree_irq\(",
        after=r"^static void p54spi_remove\(",
        expect=dict(family='irq', resource='priv->spi', acquired_in='p54spi_probe'),
        why='p54spi_probe() line 626: request_irq(gpio_to_irq(p54spi_gpio_irq), p54spi_interrupt, 0, "p54spi", priv->spi) with priv->spi = spi (599)  ->  p54spi_remove() line 678: free_irq(gpio_to_irq(p54spi_gpio_irq), spi); -- the cookie read from a field is the spi_device remove() is given (round 3 of the precision benchmark reported it as never freed); the probe error label (662) has the same call, hence after',
        v7_3=dict(why='the same driver with the IRQ in spi->irq: request_irq(spi->irq, ..., IRQF_NO_AUTOEN, "p54spi", priv->spi) at 605, priv->irq = spi->irq (611), free_irq(priv->irq, spi) in p54spi_remove() (652) and at the error label (638)'),
    ),
    dict(
        path='drivers/net/wireless/ti/wl1251/sdio.c',
        obj='drivers/net/wireless/ti/wl1251/sdio.o',
        config='CONFIG_WL1251_SDIO',
        families=['irq'],
        delete=r"^\t\tfree_irq\(wl->irq, wl\);$",
        after=r"^static void wl1251_sdio_remove\(",
        expect=dict(family='irq', resource='hw->priv', acquired_in='wl1251_sdio_probe'),
        # spatch names the cookie by the local it is passed in
        cocci_expect=dict(resource='wl'),
        why='wl1251_sdio_probe() line 237: request_irq(wl->irq, wl1251_line_irq, 0, "wl1251", wl) with wl = hw->priv (205)  ->  wl1251_sdio_remove() line 290: free_irq(wl->irq, wl) with wl = sdio_get_drvdata(func): the cookie read from the void * field is the struct wl1251 remove() gets from drvdata (round 3 of the precision benchmark reported it as never freed); the error label (269) has the same line, hence after',
        v7_3=dict(why='the same driver, the IRQ requested with IRQF_NO_AUTOEN (235); free_irq(wl->irq, wl) at the error label (268) and in wl1251_sdio_remove() (289)'),
    ),
]


# Fixes worded and placed for the driver they are offered to (issue 17):
# the release goes before remove() frees the struct that holds the
# resource, and a built-in driver with no remove() is offered
# .suppress_bind_attrs.  'text' must be in the finding on 'resource';
# 'fix_before', if given, matches the line a fix-it is inserted before
# (the first such line after the one 'after' matches).
FIX_TEXTS = [
    dict(
        path='drivers/hsi/clients/ssi_protocol.c',
        obj='drivers/hsi/clients/ssi_protocol.o',
        config='CONFIG_SSI_PROTOCOL',
        kernels=('7.3',),
        tag='teardown-timer', resource='ssi->rx_wd',
        text="add timer_shutdown_sync(&ssi->rx_wd) to ssi_protocol_remove(), before the kfree() that frees its struct",
        fix_before=r"^\tkfree\(ssi\);$",
        after=r"^static int ssi_protocol_remove\(",
        why='ssi_protocol_probe() sets up rx_wd (1085); ssi_protocol_remove() unregisters the netdev (1156) and kfree(ssi) (1159) without a synchronous stop: at the end of remove() (1161) the fix would use freed memory (round 3 judged that fix-it wrong); 6.12 x86 allmodconfig leaves SSI_PROTOCOL unset',
    ),
    dict(
        path='drivers/cpufreq/s5pv210-cpufreq.c',
        obj='drivers/cpufreq/s5pv210-cpufreq.o',
        config='CONFIG_ARM_S5PV210_CPUFREQ',
        tag='teardown-mmio', resource='clk_base',
        text="has no remove() and is built in, so only an unbind through sysfs leaves it; set .suppress_bind_attrs = true",
        why='builtin_platform_driver(s5pv210_cpufreq_platdrv) with no remove(): clk_base = of_iomap() in probe (624 in 7.3, 626 in 6.12) stays mapped for the registered cpufreq driver; unmapping it in a remove() would break that driver, so the fix is to forbid the sysfs unbind (round 3 judged the remove() fix wrong)',
    ),
]
