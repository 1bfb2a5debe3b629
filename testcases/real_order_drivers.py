"""Real Linux 6.12 drivers used as mutation test cases for the ORDER checks
of teardown-check (docs: ../shared/notes/teardown-contract.md, points 4, 6,
7 and 8).

The order checks look at remove()'s steps in execution order (same-file
helpers inlined in order), followed by the devres releases in reverse order
of their acquisition in probe, and enforce:

  A  an IRQ handler (or threaded handler) that queues a work item, arms a
     timer/hrtimer or touches MMIO is freed (free_irq, or disable_irq)
     before that work is cancelled, that timer deleted, that MMIO unmapped;
  B  a timer callback that queues work is stopped before the work is
     cancelled; a work function that arms a timer is cancelled before the
     timer is deleted;
  C  a workqueue is destroyed only after every source that queues work on
     it is stopped;
  D  a devm_request_irq() IRQ is freed after remove() returns, so remove()
     must not cancel the work its handler queues (or destroy the workqueue
     it queues on);
  E  MMIO is not unmapped before the device's DMA buffers/mappings are freed;
  F  a timer whose callback re-arms it is stopped with timer_shutdown_sync(),
     not del_timer_sync()/timer_delete_sync();
  G  driver memory a callback uses is not freed before the callback is
     fenced;
  H  module_exit tears down everything module_init created or registered.

ORDER_DRIVERS: each driver's remove() is correct, as shipped, for the rule
named in `rule`, and the source/consumer relation lives in the same file.
One mutation breaks it; the checker must then report `expect` on top of
what it reports for the file as shipped (`asis`, empty unless explained).
Mutation kinds (exactly one per entry):

  swap=(re1, re2)      swap the two lines matched (each regex matches exactly
                       one line of the file; both lines are plain one-line
                       statements in remove() or in one same-file helper
                       that only the remove path (and probe's error path)
                       reaches, so the file still compiles);
  devm=dict(request=re, replace=(old, new), delete=re)
                       rule D: on the one line matching `request` (in
                       probe), replace the first `old` by `new`, turning the
                       request_irq()/request_threaded_irq() into its devm_
                       form (the device argument is the one probe has in
                       scope); the line matching `delete` (the free_irq() in
                       remove) becomes ';' as in real_drivers.py;
  replace=(re, old, new)
                       rule F: on the one line matching `re`, replace `old`
                       (timer_shutdown_sync( ) by `new` (del_timer_sync( ).

`silent`, when present, says why the checker must report nothing new for
the mutation: the mutated order is fine, or undecidable for it.

`expect` keys: rule; early = the resource torn down too early, spelled as
at its teardown call in remove (rule G: the freed pointer); source = what
still feeds it (an IRQ: its number as written in remove's free_irq or, for
D, in probe's request; a timer or work: its handle; E: the DMA buffer or
pool freed after the unmap; F: the timer itself); handler = the function
that feeds it (IRQ handler, timer callback, work function; None for E).

Every `config` is =m in x86_64 allmodconfig and every file compiles with
the allmodconfig flags (-Werror included) as shipped and mutated (checked
with each object's savedcmd plus -I<source dir>).  Line numbers in `why`
refer to the unmodified 6.12 file.

MODULE_CASES: modules whose module_init creates a module-global resource
(or registers a driver) that module_exit releases; `delete` (exactly one
line, in the exit function) becomes ';' and the checker must report
`expect` (family and the global's name) on the module_exit path.

REAL_FINDINGS: ordering bugs in 6.12 found while choosing these cases,
each verified by reading the code.
"""

ORDER_DRIVERS = [
    # ------------------------------------------------------------ rule A
    dict(
        path='drivers/virt/nitro_enclaves/ne_pci_dev.c',
        obj='drivers/virt/nitro_enclaves/ne_pci_dev.o',
        config='CONFIG_NITRO_ENCLAVES',
        rule='A',
        swap=(r'^\s*free_irq\(pci_irq_vector\(pdev, NE_VEC_EVENT\), ne_pci_dev\);',
              r'^\s*flush_work\(&ne_pci_dev->notify_work\);'),
        expect=dict(rule='A', early='ne_pci_dev->notify_work',
                    source='pci_irq_vector(pdev, NE_VEC_EVENT)',
                    handler='ne_event_handler'),
        why='ne_event_handler() line 281: queue_work(ne_pci_dev->event_wq, &ne_pci_dev->notify_work) (IRQ requested in ne_setup_msix() line 346);  ne_teardown_msix() (from ne_pci_remove() line 570): free_irq(EVENT) line 376, flush_work line 378, destroy_workqueue line 379 -- the REPLY IRQ shares the cookie ne_pci_dev, only the vector tells them apart',
    ),
    dict(
        path='drivers/usb/typec/tcpm/fusb302.c',
        obj='drivers/usb/typec/tcpm/fusb302.o',
        config='CONFIG_TYPEC_FUSB302',
        rule='A',
        swap=(r'^\s*free_irq\(chip->gpio_int_n_irq, chip\);',
              r'^\s*cancel_work_sync\(&chip->irq_work\);'),
        expect=dict(rule='A', early='chip->irq_work',
                    source='chip->gpio_int_n_irq', handler='fusb302_irq_intn'),
        why='fusb302_irq_intn() line 1495: schedule_work(&chip->irq_work) (request_irq line 1758);  fusb302_remove(): free_irq line 1785, cancel_work_sync(&chip->irq_work) line 1786, then cancel_delayed_work_sync(&chip->bc_lvl_handler) (queued by irq_work) and destroy_workqueue(chip->wq)',
    ),
    dict(
        path='drivers/video/backlight/lm3630a_bl.c',
        obj='drivers/video/backlight/lm3630a_bl.o',
        config='CONFIG_BACKLIGHT_LM3630A',
        rule='A',
        swap=(r'^\s*free_irq\(pchip->irq, pchip\);',
              r'^\s*cancel_delayed_work_sync\(&pchip->work\);'),
        expect=dict(rule='A', early='pchip->work', source='pchip->irq',
                    handler='lm3630a_isr_func'),
        why='lm3630a_isr_func() line 137: queue_delayed_work(pchip->irqthread, &pchip->work, delay) (threaded IRQ requested in lm3630a_intr_config() line 161);  lm3630a_remove(): inside if (pchip->irq) { free_irq line 593; cancel_delayed_work_sync line 594; destroy_workqueue(pchip->irqthread) line 595 } -- the destroy stays last, so only A breaks',
    ),
    dict(
        path='drivers/media/pci/cx23885/cx23885-core.c',
        obj='drivers/media/pci/cx23885/cx23885-core.o',
        config='CONFIG_VIDEO_CX23885',
        rule='A',
        swap=(r'^\s*free_irq\(pci_dev->irq, dev\);',
              r'^\s*cancel_work_sync\(&dev->cx25840_work\);'),
        expect=dict(rule='A', early='dev->cx25840_work', source='pci_dev->irq',
                    handler='cx23885_irq'),
        why='cx23885_irq() line 1945: schedule_work(&dev->cx25840_work) (request_irq line 2186);  cx23885_finidev(): free_irq line 2234, cancel_work_sync(&dev->cx25840_work) line 2236 -- ir_rx_work/ir_tx_work are initialised in other files of the module; the MMIO (dev->lmmio) is unmapped later in cx23885_dev_unregister()',
    ),
    dict(
        path='drivers/media/pci/tw686x/tw686x-core.c',
        obj='drivers/media/pci/tw686x/tw686x-core.o',
        config='CONFIG_VIDEO_TW686X',
        rule='A',
        swap=(r'^\s*free_irq\(pci_dev->irq, dev\);',
              r'^\s*(?:del_timer_sync|timer_delete_sync)\(&dev->dma_delay_timer\);'),
        expect=dict(rule='A', early='dev->dma_delay_timer', source='pci_dev->irq',
                    handler='tw686x_irq'),
        why='IRQ -> timer: tw686x_irq() line 217: mod_timer(&dev->dma_delay_timer, ...) (request_irq line 337, timer_setup line 319);  tw686x_remove(): free_irq line 382, del_timer_sync line 386, pci_iounmap line 388 -- the callback tw686x_dma_delay() does not re-arm the timer',
    ),
    dict(
        path='drivers/net/wireless/intel/ipw2x00/ipw2100.c',
        # True by the contract: ipw2100_kill_works() cancels reset_work
        # first, then security_work and wx_event_work, whose functions can
        # still reach schedule_reset() and queue reset_work again (unlike
        # hang_check and rf_kill, no stop flag guards them).
        asis=[dict(rule='B', early='priv->reset_work', source='priv->security_work',
                   handler='ipw2100_security_work'),
              dict(rule='B', early='priv->reset_work', source='priv->wx_event_work',
                   handler='ipw2100_wx_event_work')],
        obj='drivers/net/wireless/intel/ipw2x00/ipw2100.o',
        config='CONFIG_IPW2100',
        rule='A',
        swap=(r'^\tfree_irq\(dev->irq, priv\);$',
              r'^\s*pci_iounmap\(pci_dev, priv->ioaddr\);'),
        expect=dict(rule='A', early='priv->ioaddr', source='dev->irq',
                    handler='ipw2100_interrupt'),
        why='IRQ -> MMIO: ipw2100_interrupt() lines 3334-3335: read_register(priv->net_dev, IPW_REG_INTA...) -> same-file inline read_register() line 332: ioread32(priv->ioaddr + reg) (request_irq line 6222, pci_iomap line 6148);  ipw2100_pci_remove_one(): free_irq line 6364, pci_iounmap line 6366 -- regex anchored on one tab: the probe error path has the same free_irq with two; the DMA rings are freed earlier (ipw2100_queues_free line 6359), so E holds either way',
    ),
    dict(
        path='drivers/usb/gadget/udc/goku_udc.c',
        obj='drivers/usb/gadget/udc/goku_udc.o',
        config='CONFIG_USB_GOKU',
        rule='A',
        swap=(r'^\s*free_irq\(pdev->irq, dev\);',
              r'^\s*iounmap\(dev->regs\);'),
        expect=dict(rule='A', early='dev->regs', source='pdev->irq',
                    handler='goku_irq'),
        why='IRQ -> MMIO: goku_irq() line 1538: regs = dev->regs; line 1546: readl(&regs->int_status) (request_irq line 1806, shared; ioremap line 1791);  goku_remove(): if (dev->got_irq) free_irq line 1727; if (dev->regs) iounmap line 1729 -- both lines are bodies of brace-less ifs, so after the swap the ifs guard the other call (still compiles); no coherent DMA in this driver',
    ),

    # ------------------------------------------------------------ rule B
    dict(
        path='drivers/gpu/drm/i2c/tda998x_drv.c',
        v7_3=dict(path='drivers/gpu/drm/bridge/tda998x_drv.c',
                  after=r'^static void tda998x_remove\(',
                  why='moved to drivers/gpu/drm/bridge/ and tda998x_destroy() is folded into tda998x_remove() (line 2034): free_irq line 2051, timer_delete_sync line 2054, cancel_work_sync line 2055; probe error label free_irq (line 2022) has the same two calls, hence after'),
        obj='drivers/gpu/drm/i2c/tda998x_drv.o',
        config='CONFIG_DRM_I2C_NXP_TDA998X',
        rule='B',
        swap=(r'^\s*(?:del_timer_sync|timer_delete_sync)\(&priv->edid_delay_timer\);',
              r'^\s*cancel_work_sync\(&priv->detect_work\);'),
        expect=dict(rule='B', early='priv->detect_work',
                    source='priv->edid_delay_timer',
                    handler='tda998x_edid_delay_done'),
        why='timer -> work: tda998x_edid_delay_done() line 757: schedule_work(&priv->detect_work) (timer_setup line 1831, INIT_WORK line 1832);  tda998x_destroy() (from tda998x_remove() line 2085): free_irq line 1801 (the IRQ thread arms the timer and queues the work, freed first), del_timer_sync line 1803, cancel_work_sync line 1804; detect_work does not arm the timer',
    ),
    dict(
        path='drivers/media/platform/samsung/s5p-mfc/s5p_mfc.c',
        obj='drivers/media/platform/samsung/s5p-mfc/s5p_mfc.o',
        config='CONFIG_VIDEO_SAMSUNG_S5P_MFC',
        rule='B',
        swap=(r'^\s*timer_shutdown_sync\(&dev->watchdog_timer\);',
              r'^\s*cancel_work_sync\(&dev->watchdog_work\);'),
        expect=dict(rule='B', early='dev->watchdog_work',
                    source='dev->watchdog_timer', handler='s5p_mfc_watchdog'),
        why='timer -> work: s5p_mfc_watchdog() line 159: schedule_work(&dev->watchdog_work), and it re-arms itself with add_timer() line 163 (hence timer_shutdown_sync, F holds);  s5p_mfc_remove(): timer_shutdown_sync line 1461, cancel_work_sync line 1462; s5p_mfc_watchdog_worker() does not arm the timer; the devm IRQ handler feeds neither',
    ),
    dict(
        path='drivers/mmc/host/via-sdmmc.c',
        obj='drivers/mmc/host/via-sdmmc.o',
        config='CONFIG_MMC_VIA_SDMMC',
        rule='B',
        # As shipped, rule F: via_sdc_timeout() re-arms its own timer through
        # same-file helpers (via_sdc_finish_data() line 645 ->
        # via_sdc_send_command() line 566: mod_timer(&host->timer, ...)) and
        # remove stops it with del_timer_sync().  (del_timer_sync() copes
        # with a callback that re-arms itself, so this is the F hardening
        # advice, not a use-after-free.)
        asis=[dict(rule='F', early='sdhost->timer', source='sdhost->timer',
                   handler='via_sdc_timeout')],
        swap=(r'^\s*(?:del_timer_sync|timer_delete_sync)\(&sdhost->timer\);',
              r'^\s*cancel_work_sync\(&sdhost->finish_bh_work\);'),
        expect=dict(rule='B', early='sdhost->finish_bh_work',
                    source='sdhost->timer', handler='via_sdc_timeout'),
        why='timer -> work: via_sdc_timeout() line 959: queue_work(system_bh_wq, &sdhost->finish_bh_work) (timer_setup line 1034 in via_init_mmc_host());  via_sd_remove(): free_irq line 1209, cancel_work_sync(carddet_work) line 1211, del_timer_sync line 1215, cancel_work_sync(finish_bh_work) line 1217; the finish work only del_timer()s the timer, never arms it',
    ),

    # ------------------------------------------------------------ rule C
    dict(
        path='drivers/media/platform/mediatek/vpu/mtk_vpu.c',
        obj='drivers/media/platform/mediatek/vpu/mtk_vpu.o',
        config='CONFIG_VIDEO_MEDIATEK_VPU',
        rule='C',
        swap=(r'^\s*devm_free_irq\(&pdev->dev, vpu->reg\.irq, vpu\);',
              r'^\t\tdestroy_workqueue\(vpu->wdt\.wq\);$'),
        expect=dict(rule='C', early='vpu->wdt.wq', source='vpu->reg.irq',
                    handler='vpu_irq_handler'),
        why='vpu_irq_handler() line 798: queue_work(vpu->wdt.wq, &vpu->wdt.ws) (devm_request_irq line 916, wq created line 849);  mtk_vpu_remove(): devm_free_irq line 965, if (vpu->wdt.wq) destroy_workqueue line 967 -- nothing cancels wdt.ws, the destroy is its only fence; regex anchored on two tabs (probe error path line 943 has one); after the swap the if guards devm_free_irq (still compiles)',
    ),

    # ------------------------------------------------------------ rule D
    dict(
        path='drivers/thermal/da9062-thermal.c',
        obj='drivers/thermal/da9062-thermal.o',
        config='CONFIG_DA9062_THERMAL',
        rule='D',
        devm=dict(request=r'^\s*ret = request_threaded_irq\(thermal->irq, NULL,$',
                  replace=('request_threaded_irq(', 'devm_request_threaded_irq(&pdev->dev, '),
                  delete=r'^\s*free_irq\(thermal->irq, thermal\);'),
        expect=dict(rule='D', early='thermal->work', source='thermal->irq',
                    handler='da9062_thermal_irq_handler'),
        why='da9062_thermal_irq_handler() line 123: queue_delayed_work(system_freezable_wq, &thermal->work, 0) (request_threaded_irq line 223 in da9062_thermal_probe(struct platform_device *pdev));  da9062_thermal_remove(): free_irq line 246, cancel_delayed_work_sync line 247 -- mutated, the IRQ outlives remove() and can requeue the work it cancelled; thermal is devm_kzalloc()ed before the IRQ, so it is released after it',
    ),
    dict(
        path='drivers/misc/bh1770glc.c',
        obj='drivers/misc/bh1770glc.o',
        config='CONFIG_SENSORS_BH1770',
        rule='D',
        devm=dict(request=r'^\s*err = request_threaded_irq\(client->irq, NULL,$',
                  replace=('request_threaded_irq(', 'devm_request_threaded_irq(&client->dev, '),
                  delete=r'^\s*free_irq\(client->irq, chip\);'),
        expect=dict(rule='D', early='chip->prox_work', source='client->irq',
                    handler='bh1770_irq'),
        why='bh1770_irq() line 623: schedule_delayed_work(&chip->prox_work, ...) (request_threaded_irq line 1259 in bh1770_probe(struct i2c_client *client); chip = devm_kzalloc line 1170, INIT_DELAYED_WORK line 1179);  bh1770_remove(): free_irq line 1286, cancel_delayed_work_sync(&chip->prox_work) line 1294 -- mutated, the IRQ outlives remove() and can requeue the work it cancelled',
    ),
    dict(
        path='drivers/power/supply/lp8788-charger.c',
        obj='drivers/power/supply/lp8788-charger.o',
        config='CONFIG_CHARGER_LP8788',
        rule='D',
        devm=dict(request=r'^\s*ret = request_threaded_irq\(virq, NULL,$',
                  replace=('request_threaded_irq(', 'devm_request_threaded_irq(&pdev->dev, '),
                  delete=r'^\s*free_irq\(irq, pchg\);'),
        expect=dict(rule='D', early='pchg->charger_work', source='virq',
                    handler='lp8788_charger_irq_thread'),
        why='lp8788_charger_irq_thread() line 462: schedule_work(&pchg->charger_work) (request_threaded_irq line 496, in a loop over the IRQ resources in lp8788_set_irqs(struct platform_device *pdev, ..); INIT_WORK line 523);  lp8788_charger_remove(): lp8788_irq_unregister() line 713 (free_irq(irq, pchg) line 555, in the loop), cancel_work_sync line 714 -- pchg and both power supplies are devm and acquired before the IRQs, so only D breaks',
    ),

    # ------------------------------------------------------------ rule E
    dict(
        path='drivers/dma/pch_dma.c',
        silent='dma_async_device_unregister() runs first and frees the channels through the driver (which may stop the device): the checker cannot tell, so it stays silent',
        obj='drivers/dma/pch_dma.o',
        config='CONFIG_PCH_DMA',
        rule='E',
        swap=(r'^\t\tdma_pool_destroy\(pd->pool\);$',
              r'^\t\tpci_iounmap\(pdev, pd->membase\);$'),
        expect=dict(rule='E', early='pd->membase', source='pd->pool',
                    handler=None),
        why='pch_dma_probe(): pd->membase = pci_iomap line 839, pd->pool = dma_pool_create(.., &pdev->dev, ..) line 855 (hardware descriptors);  pch_dma_remove(): free_irq line 927, tasklet_kill line 933, dma_pool_destroy line 936, pci_iounmap line 937 -- both regexes anchored on two tabs: the probe error path has the same calls with one',
    ),

    # ------------------------------------------------------------ rule F
    dict(
        path='drivers/net/ethernet/marvell/sky2.c',
        obj='drivers/net/ethernet/marvell/sky2.o',
        config='CONFIG_SKY2',
        rule='F',
        silent='timer_delete_sync() waits for the callback and deletes the timer it re-armed: not a bug',
        replace=(r'^\s*timer_shutdown_sync\(&hw->watchdog_timer\);',
                 'timer_shutdown_sync(', 'del_timer_sync('),
        expect=dict(rule='F', early='hw->watchdog_timer',
                    source='hw->watchdog_timer', handler='sky2_watchdog'),
        why='sky2_watchdog() line 2991: mod_timer(&hw->watchdog_timer, ...) on its own timer (timer_setup line 4973); it also queues hw->restart_work (line 2982);  sky2_remove(): timer_shutdown_sync line 5017, cancel_work_sync(&hw->restart_work) line 5018 (B holds either way)',
    ),
    dict(
        path='drivers/tty/serial/max3100.c',
        obj='drivers/tty/serial/max3100.o',
        config='CONFIG_SERIAL_MAX3100',
        rule='F',
        silent='timer_delete_sync() waits for the callback and deletes the timer it re-armed: not a bug',
        replace=(r'^\s*timer_shutdown_sync\(&s->timer\);',
                 'timer_shutdown_sync(', 'del_timer_sync('),
        expect=dict(rule='F', early='s->timer', source='s->timer',
                    handler='max3100_timeout'),
        why='max3100_timeout() line 314: mod_timer(&s->timer, ...) on its own timer, after max3100_dowork() queues s->work (timer_setup line 719 on max3100s[i]->timer);  max3100_remove(): timer_shutdown_sync line 757, then inside if (s->workqueue): free_irq line 759, cancel_work_sync line 760, destroy_workqueue line 761 -- the IRQ and the workqueue are set up in the uart startup op, not probe',
    ),
    dict(
        path='drivers/pcmcia/yenta_socket.c',
        obj='drivers/pcmcia/yenta_socket.o',
        config='CONFIG_YENTA',
        rule='F',
        silent='timer_delete_sync() waits for the callback and deletes the timer it re-armed: not a bug',
        replace=(r'^\s*timer_shutdown_sync\(&sock->poll_timer\);',
                 'timer_shutdown_sync(', 'del_timer_sync('),
        expect=dict(rule='F', early='sock->poll_timer', source='sock->poll_timer',
                    handler='yenta_interrupt_wrapper'),
        why='yenta_interrupt_wrapper() line 546: add_timer(&socket->poll_timer) on its own timer (timer_setup line 1251, used when there is no card IRQ);  yenta_close(): if (sock->cb_irq) free_irq line 815; else timer_shutdown_sync line 817; iounmap line 819; kfree(sock) line 825 -- the probe error path uses socket->, so the line is unique',
    ),

    # ------------------------------------------------------------ rule G
    dict(
        path='drivers/usb/misc/appledisplay.c',
        obj='drivers/usb/misc/appledisplay.o',
        config='CONFIG_USB_APPLEDISPLAY',
        rule='G',
        swap=(r'^\t\tcancel_delayed_work_sync\(&pdata->work\);$',
              r'^\t\tkfree\(pdata\);$'),
        expect=dict(rule='G', early='pdata', source='pdata->work',
                    handler='appledisplay_work'),
        why='appledisplay_work() line 194: pdata = container_of(work, struct appledisplay, work.work), uses pdata->bd and requeues itself (line 203); pdata = kzalloc line 229, INIT_DELAYED_WORK line 237;  appledisplay_disconnect() (.disconnect): usb_kill_urb line 333 (the URB completion queues the work), cancel_delayed_work_sync line 334, kfree(pdata) line 340 -- regexes anchored on two tabs: the probe error path has both calls at other depths',
    ),
    dict(
        path='drivers/pci/xen-pcifront.c',
        obj='drivers/pci/xen-pcifront.o',
        config='CONFIG_XEN_PCIDEV_FRONTEND',
        rule='G',
        swap=(r'^\s*cancel_work_sync\(&pdev->op_work\);',
              r'^\tkfree\(pdev\);$'),
        expect=dict(rule='G', early='pdev', source='pdev->op_work',
                    handler='pcifront_do_aer'),
        why='pcifront_do_aer() line 626: pdev = container_of(data, struct pcifront_device, op_work), uses pdev->sh_info/flags; pdev = kzalloc line 695, INIT_WORK line 720 in alloc_pdev();  free_pdev() (from pcifront_xenbus_remove() line 1060): cancel_work_sync line 734, kfree(pdev) line 746 -- kfree regex anchored on one tab (alloc_pdev() error path line 701 has two); the event-channel IRQ uses Xen APIs the rules do not model (see REAL_FINDINGS)',
    ),
]


MODULE_CASES = [
    dict(
        path='drivers/hid/hid-elo.c',
        obj='drivers/hid/hid-elo.o',
        config='CONFIG_HID_ELO',
        init='elo_driver_init', exit='elo_driver_exit',
        delete=r'^\tdestroy_workqueue\(wq\);$',
        expect=dict(family='workqueue', resource='wq'),
        why='elo_driver_init() line 299: wq = create_singlethread_workqueue("elousb") (static wq, line 34), then hid_register_driver;  elo_driver_exit(): hid_unregister_driver line 313, destroy_workqueue(wq) line 314 -- anchored on one tab: the init error path has the same call with two',
    ),
    dict(
        path='drivers/pps/clients/pps-ktimer.c',
        obj='drivers/pps/clients/pps-ktimer.o',
        config='CONFIG_PPS_CLIENT_KTIMER',
        init='pps_ktimer_init', exit='pps_ktimer_exit',
        # As shipped, rule F at module scope: pps_ktimer_event() re-arms
        # ktimer (mod_timer line 37) and exit stops it with del_timer_sync().
        asis=[dict(rule='F', early='ktimer', source='ktimer',
                   handler='pps_ktimer_event')],
        delete=r'^\s*(?:del_timer_sync|timer_delete_sync)\(&ktimer\);',
        expect=dict(family='timer', resource='ktimer'),
        why='pps_ktimer_init() line 74: timer_setup(&ktimer, pps_ktimer_event, 0) + mod_timer line 75 (static ktimer, line 22);  pps_ktimer_exit(): del_timer_sync(&ktimer) line 61, then pps_unregister_source',
    ),
    dict(
        path='drivers/accessibility/speakup/main.c',
        obj='drivers/accessibility/speakup/main.o',
        config='CONFIG_SPEAKUP',
        init='speakup_init', exit='speakup_exit',
        delete=r'^\s*kthread_stop\(speakup_task\);',
        expect=dict(family='kthread', resource='speakup_task'),
        why='speakup_init() line 2421: speakup_task = kthread_create(speakup_thread, ...) + wake_up_process line 2429 (module-global task pointer, line 232, not static: synth.c wakes it);  speakup_exit(): kthread_stop(speakup_task) line 2337',
    ),
    dict(
        path='drivers/mfd/sm501.c',
        obj='drivers/mfd/sm501.o',
        config='CONFIG_MFD_SM501',
        init='sm501_base_init', exit='sm501_base_exit',
        delete=r'^\s*pci_unregister_driver\(&sm501_pci_driver\);',
        expect=dict(family='driver', resource='sm501_pci_driver'),
        why='sm501_base_init(): platform_driver_register(&sm501_plat_driver) line 1721, pci_register_driver(&sm501_pci_driver) line 1725 (two drivers);  sm501_base_exit(): platform_driver_unregister line 1730, pci_unregister_driver line 1731 -- see REAL_FINDINGS for the init error path',
    ),
    dict(
        path='drivers/firewire/ohci.c',
        v7_3=dict(skip='fw_ohci_init() (line 3817) only registers the PCI driver in 7.3: selfid_workqueue is gone, nothing to delete'),
        obj='drivers/firewire/ohci.o',
        config='CONFIG_FIREWIRE_OHCI',
        init='fw_ohci_init', exit='fw_ohci_cleanup',
        delete=r'^\s*destroy_workqueue\(selfid_workqueue\);',
        expect=dict(family='workqueue', resource='selfid_workqueue'),
        why='fw_ohci_init() line 3961: selfid_workqueue = alloc_workqueue(...) (static), then pci_register_driver line 3965; the IRQ handler queues bus_reset_work on it (line 2237);  fw_ohci_cleanup(): pci_unregister_driver line 3970, destroy_workqueue line 3971',
    ),
]


REAL_FINDINGS = [
    dict(
        where='drivers/usb/gadget/udc/m66592-udc.c:1522', rule='A',
        why='m66592_remove() iounmap(m66592->reg) at 1522 before free_irq() at 1523; the IRQ is IRQF_SHARED (line 1593) and m66592_irq() reads the registers unconditionally (m66592_read() = ioread16(m66592->reg + off)), so any interrupt on the line in between faults; the timer it arms (mod_timer line 1237) is also shut down (1521) before the IRQ is freed, harmless only because timer_shutdown_sync() ignores re-arms',
    ),
    dict(
        where='drivers/tty/goldfish.c:419', rule='A',
        why='goldfish_tty_remove() iounmap(qtty->base) at 419 before free_irq(qtty->irq, qtty) at 421; the IRQ is IRQF_SHARED (line 371) and goldfish_tty_interrupt() reads qtty->base first (line 134: gf_ioread32(base + GOLDFISH_TTY_REG_BYTES_READY)), so an interrupt on the shared line in between reads unmapped (and, after 420, NULL-based) registers; qtty is &goldfish_ttys[line], one element of a table reached through a global pointer',
    ),
    dict(
        where='drivers/video/fbdev/sh_mobile_lcdcfb.c:2297', rule='A',
        why='sh_mobile_lcdc_remove() iounmap(priv->base) at 2297, free_irq(priv->irq, priv) only at 2300; sh_mobile_lcdc_irq() starts with lcdc_read(priv, _LDINTR) = ioread32(priv->base + ..), and sh_mobile_lcdc_stop() does not mask LDINTR',
    ),
    dict(
        where='drivers/media/pci/dm1105/dm1105.c:1185', rule='A',
        why='dm1105_remove() cancel_work_sync(&dev->ir.work) at 1185 and frees the rc device (dm1105_ir_exit) at 1186, but the IR interrupt stays unmasked (dm1105_disable_irqs() keeps INTMAK_IRM) until dm1105_hw_exit() at 1200 and free_irq() at 1201; dm1105_irq() line 717 schedule_work(&dev->ir.work) in that window runs dm1105_emit_key() -> rc_keydown(ir->dev) on the freed rc_dev, and nothing cancels the work again before kfree(dev) at 1207',
    ),
    dict(
        where='drivers/mmc/host/wbsd.c:1475', rule='B',
        why='the ignore_timer callback wbsd_reset_ignore() queues card_bh_work (line 964), but the remove path cancels card_bh_work in wbsd_release_irq() (1475) and only deletes ignore_timer later in wbsd_free_mmc() (1264), then frees the host; the timer is armed for 10 ms by wbsd_set_ios() (896) whenever chip select drops after CS_HIGH (every mmc_go_idle), so a remove within that window leaves card_bh_work queued against freed memory',
    ),
    dict(
        where='drivers/hid/hid-nvidia-shield.c:1105', rule='F',
        why='shield_remove() del_timer_sync(&ts->psy_stats_timer) at 1105 and cancel_work_sync(&ts->hostcmd_req_work) at 1106 before hid_hw_stop() at 1107; raw events keep arriving until hid_hw_stop (over Bluetooth hidp_close() is a no-op), and a HOSTCMD USB_INIT/CHARGER reply calls thunderstrike_device_init_info() -> thunderstrike_psy_stats_timer_handler() (line 731), which re-arms the timer (mod_timer line 540) and schedules the work (line 530); both then run against the devm-allocated ts after remove; timer_shutdown_sync plus stopping the hw first would fix it',
    ),
    dict(
        where='drivers/pci/xen-pcifront.c:734', rule='A',
        why='free_pdev() cancel_work_sync(&pdev->op_work) at 734 before unbind_from_irqhandler(pdev->irq, pdev) at 737; the event-channel handler pcifront_handler_aer() (line 659) -> schedule_pcifront_aer_op() can queue op_work again in between, and pcifront_do_aer() then runs after kfree(pdev) at 746 (Xen evtchn IRQ API, which the rules do not model)',
    ),
    dict(
        where='drivers/mfd/sm501.c:1725', rule='H',
        why='sm501_base_init() returns pci_register_driver()\'s error without unregistering sm501_plat_driver registered at 1721; the failed module is unloaded with its platform driver still registered',
    ),
    dict(
        where='drivers/firewire/ohci.c:3965', rule='H',
        why='fw_ohci_init() returns pci_register_driver()\'s error without destroy_workqueue(selfid_workqueue) created at 3961 (leak on the init error path)',
    ),
]
