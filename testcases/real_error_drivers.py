"""Real Linux 6.12 drivers used as test cases for the PROBE ERROR PATH check
of teardown-check.

The check: when probe() (or module_init, or a same-file helper either of
them calls) fails half-way -- returns a negative errno, an ERR_PTR,
dev_err_probe()'s result, or jumps to an error label that returns failure --
every non-managed resource acquired so far must have been released on that
path, in reverse order of acquisition.  Families and their releases:

  mmio       ioremap*/of_iomap/pci_iomap/pci_ioremap_bar  -> iounmap/pci_iounmap
  irq        request_irq/request_threaded_irq/pci_request_irq -> free_irq/pci_free_irq
  dma        dma_alloc_coherent -> dma_free_coherent
             (dma_map_single -> dma_unmap_single)
  dmapool    dma_pool_create -> dma_pool_destroy
  workqueue  alloc_workqueue/alloc_ordered_workqueue/create_*workqueue
             -> destroy_workqueue
  kthread    kthread_create/kthread_run -> kthread_stop
  kworker    kthread_create_worker -> kthread_destroy_worker
  tasklet, work, timer, hrtimer
             only when they may be armed/queued on the failing path (by a
             direct schedule/queue/add_timer/mod_timer in probe, or by the
             handler of an IRQ requested earlier) -> tasklet_kill /
             cancel_*work_sync / del_timer_sync, timer_delete_sync,
             timer_shutdown_sync / hrtimer_cancel
  driver     platform_driver_register/pci_register_driver/... in module_init
             -> the matching unregister
devm_/pcim_/dmam_ variants are released by devres and need nothing.

ERROR_DRIVERS: each driver's error path is CORRECT as shipped for the
resource named; the mutation replaces the one line matched by `delete` (a
plain one-line release statement) with ';' (indentation kept, as
conftest.emptied() does), which leaks `resource` on every failing path that
went through that line.  Keys:

  family    as above;
  delete    regex matching exactly one line of the file (some are anchored
            on their exact indentation because remove() or module_exit holds
            the same statement at another depth -- say so in `why`);
  resource  the handle as written at the acquisition (the dev_id for IRQs,
            '&x' for tasklets/timers/drivers as passed to the call, the
            assigned lvalue for pointer-returning acquisitions);
  acquire   the acquiring function as called;
  probe     the probe() (or module_init function) whose failure leaks it;
  helper    present when the acquisition (and sometimes the release) is in a
            same-file helper that probe calls;
  scope     'probe' (default when absent) or 'module_init';
  asis      present when the file as shipped is expected to produce a
            finding of its own (explained there);
  why       the acquisition, the failing exits and the release, with line
            numbers of the unmodified 6.12 file.

Every file compiles with the allmodconfig flags (-Werror included) as
shipped and mutated (checked with each object's savedcmd plus -I<source
dir>, as conftest.kbuild_check_argv() does): no deletion empties the body of
a brace-less if/else or leaves a label unused.  Every `config` is =m in
x86_64 allmodconfig except CONFIG_ATH10K_AHB (=y, a bool that links ahb.o
into the =m module ath10k_pci.ko).

ORDER_SWAPS: error labels whose two releases are swapped, the mutation
the order rules are about.  `anchor` is a regex matching exactly one line;
the first line at or after it matching `label` is an error label, and the
two statements right after that label are swapped.  (Error labels usually
repeat remove()'s lines byte for byte, so the pair cannot be named by its
own text.)  `expect` is 'new' when the swap must add a teardown-error-order
finding on `resource`, 'gone' when the file as shipped has that finding
and the swap (putting the source first) must remove it.

SILENT_DRIVERS: drivers whose probe error paths are correct and
non-trivial for the resources `why` discusses; the check must report
nothing on them but what `asis` lists.  `why` says what makes each one
hard.

REAL_ERROR_BUGS: real error-path defects in 6.12, each verified by reading
the code.  `kind` is 'leak' (the check's target), 'order' (released, but
after/before something it depends on), 'errptr' (an ERR_PTR kept in the
handle and later passed to the release) or 'bad-release' (the error path
releases something it does not hold).
"""

ERROR_DRIVERS = [
    # ------------------------------------------------------------ mmio
    dict(
        path='drivers/tty/goldfish.c',
        obj='drivers/tty/goldfish.o',
        config='CONFIG_GOLDFISH_TTY',
        family='mmio',
        delete=r'^\s*iounmap\(base\);',
        resource='base',
        acquire='ioremap',
        probe='goldfish_tty_probe',
        why='goldfish_tty_probe() line 302: base = ioremap(r->start, 0x1000); every later failure (lines 311, 325, 331, 365, 375, 382) falls through to err_unmap: iounmap(base) line 407, its only release; remove() unmaps qtty->base (line 419), a different line',
    ),
    dict(
        path='drivers/media/platform/marvell/cafe-driver.c',
        obj='drivers/media/platform/marvell/cafe-driver.o',
        config='CONFIG_VIDEO_CAFE_CCIC',
        family='mmio',
        delete=r'^\s*pci_iounmap\(pdev, mcam->regs\);',
        resource='mcam->regs',
        acquire='pci_iomap',
        probe='cafe_pci_probe',
        why='cafe_pci_probe() line 515: mcam->regs = pci_iomap(pdev, 0, 0); request_irq failure (line 523) jumps to out_iounmap, later failures (537, 541, 551, 556, 564) reach it through the ladder: pci_iounmap(pdev, mcam->regs) line 580, after free_irq line 578 (cafe_irq() reads the registers); remove path uses cam->mcam.regs (line 599)',
    ),
    dict(
        path='drivers/video/fbdev/geode/lxfb_core.c',
        obj='drivers/video/fbdev/geode/lxfb_core.o',
        config='CONFIG_FB_GEODE_LX',
        family='mmio',
        delete=r'^\t\tiounmap\(par->dc_regs\);$',
        resource='par->dc_regs',
        asis=[dict(tag='teardown-error-path', resource='dev')],  # real: pci_enable_device() in lxfb_map_video_memory() is never undone on any probe failure
        acquire='pci_ioremap_bar',
        probe='lxfb_probe',
        helper='lxfb_map_video_memory',
        why='helper: lxfb_map_video_memory() line 373: par->dc_regs = pci_ioremap_bar(dev, 2) (the helper returns -ENOMEM at 371/376/381 without unmapping anything); lxfb_probe() calls it at line 498 and on its failure (503) or later ones (521, 539) reaches err: line 546, where if (par->dc_regs) { iounmap(par->dc_regs); pci_release_region(pdev, 2); } lines 555-558 is the only release (par comes zeroed from framebuffer_alloc); anchored on two tabs: lxfb_remove() line 583 has it with one',
    ),
    dict(
        path='drivers/edac/x38_edac.c',
        obj='drivers/edac/x38_edac.o',
        config='CONFIG_EDAC_X38',
        family='mmio',
        delete=r'^\s*iounmap\(window\);',
        resource='window',
        silent='window is stored in mci->pvt_info and mci is handed to edac_mc_add_mc(), EDAC core code under drivers/edac/ the checker cannot see: counted as handed_off, not reported',
        acquire='ioremap',
        probe='x38_init_one',
        helper='x38_probe1',
        why='two helper levels: x38_map_mchbar() line 268 returns window = ioremap(u.mchbar, X38_MMR_WINDOW_SIZE) into x38_probe1() line 329 (window = x38_map_mchbar(pdev)), which fails at 349 (edac_mc_alloc, goto unmap) and 401 (edac_mc_add_mc, goto fail) -> unmap: iounmap(window) line 411; x38_init_one() (.probe) returns x38_probe1()\'s rc at line 425; remove unmaps mci->pvt_info (line 442)',
    ),
    dict(
        path='drivers/net/wireless/ath/ath10k/ahb.c',
        obj='drivers/net/wireless/ath/ath10k/ahb.o',
        config='CONFIG_ATH10K_AHB',
        family='mmio',
        delete=r'^\tiounmap\(ar_ahb->gcc_mem\);$',
        resource='ar_ahb->gcc_mem',
        acquire='ioremap',
        probe='ath10k_ahb_probe',
        helper='ath10k_ahb_resource_init',
        why='helper with its own ladder: ath10k_ahb_resource_init() line 454: ar_ahb->gcc_mem = ioremap(ATH10K_GCC_REG_BASE, ..); failures at 467 (goto err_gcc_mem_unmap), 473/480/485 (err_tcsr_mem_unmap) and 489/495 (err_clock_deinit) fall through to iounmap(ar_ahb->gcc_mem) line 513; ath10k_ahb_probe() calls it at line 758 and returns through err_core_destroy (760) without calling ath10k_ahb_resource_deinit(); anchored on one tab: the deinit helper has it with two (line 535)',
    ),
    # ------------------------------------------------------------ irq
    dict(
        path='drivers/net/ethernet/dnet.c',
        v7_3=dict(skip='dnet.c is gone from drivers/net/ethernet/ in 7.3 (no file, no Kconfig symbol)'),
        obj='drivers/net/ethernet/dnet.o',
        config='CONFIG_DNET',
        family='irq',
        delete=r'^\tfree_irq\(dev->irq, dev\);$',
        resource='dev',
        acquire='request_irq',
        probe='dnet_probe',
        why='dnet_probe() line 783: request_irq(dev->irq, dnet_interrupt, 0, DRV_NAME, dev); register_netdev failure (809, goto err_out_free_irq) and dnet_mii_init failure (821, through err_out_unregister_netdev) reach free_irq(dev->irq, dev) line 838; anchored on one tab: dnet_remove() line 859 has it with two; the MMIO is devm',
    ),
    dict(
        path='drivers/scsi/initio.c',
        obj='drivers/scsi/initio.o',
        config='CONFIG_SCSI_INITIO',
        family='irq',
        delete=r'^\s*free_irq\(pdev->irq, shost\);',
        resource='shost',
        acquire='request_irq',
        probe='initio_probe_one',
        why='initio_probe_one() line 2897: request_irq(pdev->irq, i91u_intr, IRQF_SHARED, "i91u", shost); scsi_add_host failure (2906-2907) -> out_free_irq: free_irq(pdev->irq, shost) line 2911; initio_remove_one() frees the same cookie under another name (free_irq(pdev->irq, host), line 2936)',
    ),
    dict(
        path='drivers/iio/trigger/iio-trig-interrupt.c',
        v7_3=dict(skip='the interrupt trigger driver is gone from drivers/iio/trigger/ in 7.3 (no file, no Kconfig symbol)'),
        obj='drivers/iio/trigger/iio-trig-interrupt.o',
        config='CONFIG_IIO_INTERRUPT_TRIGGER',
        family='irq',
        delete=r'^\s*free_irq\(irq, trig\);',
        resource='trig',
        acquire='request_irq',
        probe='iio_interrupt_trigger_probe',
        why='iio_interrupt_trigger_probe() line 58: request_irq(irq, iio_interrupt_trigger_poll, irqflags, trig->name, trig); iio_trigger_register failure (66-68) -> error_release_irq: free_irq(irq, trig) line 75; remove() uses trig_info->irq (line 92)',
    ),
    dict(
        path='drivers/tty/goldfish.c',
        obj='drivers/tty/goldfish.o',
        config='CONFIG_GOLDFISH_TTY',
        family='irq',
        delete=r'^\s*free_irq\(irq, qtty\);',
        resource='qtty',
        acquire='request_irq',
        probe='goldfish_tty_probe',
        why='goldfish_tty_probe() line 371: request_irq(irq, goldfish_tty_interrupt, IRQF_SHARED, "goldfish_tty", qtty) (qtty points into the static goldfish_ttys[]); tty_port_register_device failure (382) -> err_tty_register_device_failed: free_irq(irq, qtty) line 398, before iounmap(base) line 407 (the handler reads qtty->base); remove() uses qtty->irq (line 421)',
    ),
    dict(
        path='drivers/media/platform/marvell/cafe-driver.c',
        obj='drivers/media/platform/marvell/cafe-driver.o',
        config='CONFIG_VIDEO_CAFE_CCIC',
        family='irq',
        delete=r'^\s*free_irq\(pdev->irq, cam\);',
        resource='cam',
        acquire='request_irq',
        probe='cafe_pci_probe',
        why='cafe_pci_probe() line 521: request_irq(pdev->irq, cafe_irq, IRQF_SHARED, "cafe-ccic", cam); failures at 537, 541, 551, 556, 564 reach out_pdown (576): cafe_ctlr_power_down(), free_irq(pdev->irq, cam) line 578; the shutdown path uses cam->pdev->irq (line 598)',
    ),
    # ------------------------------------------------------------ dma
    dict(
        path='drivers/net/ethernet/dec/tulip/xircom_cb.c',
        v7_3=dict(skip='xircom_cb.c is gone from drivers/net/ethernet/dec/tulip/ in 7.3 (no file, no Kconfig symbol)'),
        obj='drivers/net/ethernet/dec/tulip/xircom_cb.o',
        config='CONFIG_PCMCIA_XIRCOM',
        family='dma',
        delete=r'^\s*dma_free_coherent\(d, 8192, private->tx_buffer, private->tx_dma_handle\);',
        resource='private->tx_buffer',
        acquire='dma_alloc_coherent',
        probe='xircom_probe',
        why='xircom_probe() line 240: private->tx_buffer = dma_alloc_coherent(d, 8192, &private->tx_dma_handle, GFP_KERNEL); pci_iomap failure (255, goto reg_fail) and register_netdev failure (269, through err_unmap) reach reg_fail: dma_free_coherent(d, 8192, private->tx_buffer, ...) line 290; the error path returns through goto out (299) to out: return rc (284-285), a label placed before the error labels; remove uses card->tx_buffer (line 317)',
    ),
    # ------------------------------------------------------------ dmapool
    dict(
        path='drivers/dma/pch_dma.c',
        obj='drivers/dma/pch_dma.o',
        config='CONFIG_PCH_DMA',
        family='dmapool',
        delete=r'^\tdma_pool_destroy\(pd->pool\);$',
        resource='pd->pool',
        acquire='dma_pool_create',
        probe='pch_dma_probe',
        # By the rule, the per-channel tasklets set up at line 880 may be
        # scheduled by pd_irq() (lines 710/718, IRQ requested at 849) and
        # are not killed when dma_async_device_register() fails (898).  In
        # practice pd_irq() loops over pd->dma.chancnt, which only
        # dma_async_device_register() sets, so nothing can schedule them.
        asis=[dict(tag='teardown-error-path', resource='pd_chan->tasklet')],
        why='pch_dma_probe() line 855: pd->pool = dma_pool_create("pch_dma_desc_pool", &pdev->dev, ..); dma_async_device_register failure (895-898) -> err_free_pool: dma_pool_destroy(pd->pool) line 904, then free_irq 906, pci_iounmap 908; anchored on one tab: pch_dma_remove() line 936 has it with two',
    ),
    # ------------------------------------------------------------ workqueue
    dict(
        path='drivers/net/fjes/fjes_main.c',
        obj='drivers/net/fjes/fjes_main.o',
        config='CONFIG_FUJITSU_ES',
        family='workqueue',
        delete=r'^\tdestroy_workqueue\(adapter->txrx_wq\);$',
        resource='adapter->txrx_wq',
        acquire='alloc_workqueue',
        probe='fjes_probe',
        why='fjes_probe() line 1367: adapter->txrx_wq = alloc_workqueue(DRV_NAME "/txrx", WQ_MEM_RECLAIM, 0); the control_wq failure (1377) jumps straight to err_free_txrx_wq, later failures (1392, 1399, 1404, 1417) pass err_free_control_wq first: destroy_workqueue(adapter->txrx_wq) line 1430; anchored on one tab: fjes_remove() line 1453 has it with two (under if); nothing is queued during probe (the IRQ is requested in ndo_open)',
    ),
    dict(
        path='drivers/net/wireless/quantenna/qtnfmac/pcie/pcie.c',
        obj='drivers/net/wireless/quantenna/qtnfmac/pcie/pcie.o',
        config='CONFIG_QTNFMAC_PCIE',
        family='workqueue',
        delete=r'^\s*destroy_workqueue\(pcie_priv->workqueue\);',
        resource='pcie_priv->workqueue',
        acquire='create_singlethread_workqueue',
        probe='qtnf_pcie_probe',
        why='qtnf_pcie_probe() line 361: pcie_priv->workqueue = create_singlethread_workqueue("QTNF_PCIE"); failures at 372 (DMA mask), 378 (alloc_netdev_dummy) and 389 (the chip probe_cb, through error_free) reach error: destroy_workqueue(pcie_priv->workqueue) line 397; the BARs are pcim; remove uses priv->workqueue (line 425)',
    ),
    dict(
        path='drivers/media/i2c/adv7511-v4l2.c',
        obj='drivers/media/i2c/adv7511-v4l2.o',
        config='CONFIG_VIDEO_ADV7511',
        family='workqueue',
        delete=r'^\t\tdestroy_workqueue\(state->work_queue\);$',
        resource='state->work_queue',
        acquire='create_singlethread_workqueue',
        probe='adv7511_probe',
        # real: adv7511_init_setup() (1891) reaches
        # adv7511_check_monitor_present_status(), which queues edid_handler
        # as delayed work; when cec_allocate_adapter() fails, the workqueue
        # is destroyed with the delayed work's timer still pending and
        # never cancelled, so it fires on a dead queue and a freed state.
        asis=[dict(tag='teardown-error-path', resource='state->edid_handler')],
        why='adv7511_probe() line 1883: state->work_queue = create_singlethread_workqueue(sd->name); the only later failure is cec_allocate_adapter (1895, checked at 1898, inside #if IS_ENABLED(CONFIG_VIDEO_ADV7511_CEC), =y): { destroy_workqueue(state->work_queue); goto err_unreg_pktmem; } lines 1899-1902 -- an inline release before the goto, the ladder itself never touches the workqueue; anchored on two tabs: remove has it with one (line 1943)',
    ),
    dict(
        path='drivers/net/wireless/zydas/zd1211rw/zd_usb.c',
        obj='drivers/net/wireless/zydas/zd1211rw/zd_usb.o',
        config='CONFIG_ZD1211RW',
        family='workqueue',
        delete=r'^\t\tdestroy_workqueue\(zd_workqueue\);$',
        resource='zd_workqueue',
        acquire='create_singlethread_workqueue',
        probe='usb_init',
        scope='module_init',
        why='module_init(usb_init) (line 1578): usb_init() line 1553: zd_workqueue = create_singlethread_workqueue(driver.name) (static global); usb_register(&driver) failure (1559-1560) -> { destroy_workqueue(zd_workqueue); pr_err(..); return r; } line 1561; anchored on two tabs: usb_exit() has it with one',
    ),
    # ------------------------------------------------------------ kworker
    dict(
        path='drivers/media/platform/chips-media/wave5/wave5-vpu.c',
        # 6.12 has the bug this entry deletes the fix of (REAL_ERROR_BUGS)
        kernels=('7.3',),
        obj='drivers/media/platform/chips-media/wave5/wave5-vpu.o',
        config='CONFIG_VIDEO_WAVE_VPU',
        family='kworker',
        delete=r'^\t\tkthread_destroy_worker\(dev->worker\);$',
        after=r'^err_irq_release:$',
        resource='dev->worker',
        acquire='kthread_run_worker',
        probe='wave5_vpu_probe',
        why='7.3: polling mode (no IRQ): dev->worker = kthread_run_worker(0, "vpu_irq_thread") at 352; the failures after it (devm_request_threaded_irq is skipped in polling mode; v4l2_device_register, dec/enc registration, firmware) unwind through err_irq_release (417): if (dev->irq < 0) kthread_destroy_worker(dev->worker) line 419; wave5_vpu_remove() has the same line (452), hence after',
    ),
    # ------------------------------------------------------------ kthread
    dict(
        path='drivers/platform/x86/intel_ips.c',
        obj='drivers/platform/x86/intel_ips.o',
        config='CONFIG_INTEL_IPS',
        family='kthread',
        delete=r'^\tkthread_stop\(ips->adjust\);$',
        resource='ips->adjust',
        acquire='kthread_create',
        probe='ips_probe',
        why='ips_probe() line 1538: ips->adjust = kthread_create(ips_adjust, ips, "ips-adjust") (created, not woken); when kthread_run of the monitor thread fails (1551, goto error_thread_cleanup at 1556): kthread_stop(ips->adjust) line 1573, then free_irq 1575; anchored on one tab: ips_remove() has it with two (line 1607, under if); ips is devm, so a leaked thread would later run on freed memory',
    ),
    dict(
        path='drivers/scsi/bnx2fc/bnx2fc_fcoe.c',
        obj='drivers/scsi/bnx2fc/bnx2fc_fcoe.o',
        config='CONFIG_SCSI_BNX2X_FCOE',
        family='kthread',
        delete=r'^\tkthread_stop\(l2_thread\);$',
        resource='l2_thread',
        reported='bg->kthread',  # where module_init keeps it
        acquire='kthread_run',
        probe='bnx2fc_mod_init',
        scope='module_init',
        why='module_init(bnx2fc_mod_init): line 2708: l2_thread = kthread_run(bnx2fc_l2_rcv_thread, (void *)bg, "bnx2fc_l2_thread") (a local, also stored in bnx2fc_global.kthread at 2716); cpuhp_setup_state failure (2725-2728) -> stop_thread: kthread_stop(l2_thread) line 2735, then destroy_workqueue(bnx2fc_wq) 2737; anchored on one tab: bnx2fc_mod_exit() has it with two (line 2791)',
    ),
    # ------------------------------------------------------------ tasklet
    dict(
        path='drivers/crypto/s5p-sss.c',
        obj='drivers/crypto/s5p-sss.o',
        config='CONFIG_CRYPTO_DEV_S5P',
        family='tasklet',
        delete=r'^\ttasklet_kill\(&pdata->hash_tasklet\);$',
        resource='&pdata->hash_tasklet',
        silent='the tasklet is scheduled only from the devm_request_threaded_irq() side: devres frees that IRQ after the error path returns, so the error path has no right place for tasklet_kill(); the checker does not report work armed by managed sources',
        acquire='tasklet_init',
        probe='s5p_aes_probe',
        why='s5p_aes_probe() line 2263: tasklet_init(&pdata->hash_tasklet, s5p_hash_tasklet_cb, ..) (when use_hash); the threaded IRQ requested at 2240 (devm) runs s5p_aes_interrupt(), which schedules it at line 769; crypto_register_ahash failure (2272-2276) -> err_hash (2285): unregisters the hashes registered so far, tasklet_kill(&pdata->hash_tasklet) line 2289, then falls into err_algs, which kills pdata->tasklet (2300); anchored on one tab: s5p_aes_remove() has it with two (under if). Note: the IRQ is devm and is only freed after probe returns, so the kill is not the last word -- the same holds for remove()',
    ),
    # ------------------------------------------------------------ timer
    dict(
        path='drivers/media/i2c/tc358743.c',
        v7_3=dict(after=r'^err_work_queues:$',
                  why='probe error label err_work_queues (line 2327) and tc358743_remove() (line 2346) both stop the timer with timer_delete_sync(&state->timer) at the same indent: the one after the label is deleted'),
        obj='drivers/media/i2c/tc358743.o',
        config='CONFIG_VIDEO_TC358743',
        family='timer',
        delete=r'^\s*timer_delete_sync\(&state->timer\);',
        resource='&state->timer',
        acquire='timer_setup',
        probe='tc358743_probe',
        # tc358743_irq_poll_timer() re-arms its own timer (mod_timer line
        # 1504) and both paths stop it with timer_delete_sync/del_timer_sync:
        # the timer_shutdown_sync hardening advice (rule F), not a leak.
        asis=[dict(rule='F', resource='state->timer'),
              # by the contract: the devm IRQ's handler schedules the
              # hotplug work through tc358743_enable_edid() and devres
              # frees the IRQ only after the error path cancelled it
              dict(tag='teardown-error-order',
                   resource='state->delayed_work_enable_hotplug')],
        why='conditional: only without a client IRQ, tc358743_probe() line 2160: timer_setup(&state->timer, tc358743_irq_poll_timer, 0) and add_timer line 2163 (armed in probe); the callback schedules work_i2c_poll (1498); failures at 2171, 2179, 2183 reach err_work_queues (2190): if (!state->i2c_client->irq) { timer_delete_sync(&state->timer) line 2193; flush_work(&state->work_i2c_poll) 2194 } (braces, so the block survives the deletion); the IRQ branch (devm IRQ, goto at 2156) never arms it; remove uses del_timer_sync (2210)',
    ),
    # ------------------------------------------------------------ driver
    dict(
        path='drivers/spi/spi-topcliff-pch.c',
        obj='drivers/spi/spi-topcliff-pch.o',
        config='CONFIG_SPI_TOPCLIFF_PCH',
        family='driver',
        delete=r'^\t\tplatform_driver_unregister\(&pch_spi_pd_driver\);$',
        resource='&pch_spi_pd_driver',
        acquire='platform_driver_register',
        probe='pch_spi_init',
        scope='module_init',
        why='module_init(pch_spi_init): platform_driver_register(&pch_spi_pd_driver) line 1659, then pci_register_driver(&pch_spi_pcidev_driver) line 1663; on its failure { platform_driver_unregister(&pch_spi_pd_driver); return ret; } line 1665; anchored on two tabs: pch_spi_exit() has it with one',
    ),
    dict(
        path='drivers/hwmon/dme1737.c',
        obj='drivers/hwmon/dme1737.o',
        config='CONFIG_SENSORS_DME1737',
        family='driver',
        delete=r'^\tplatform_driver_unregister\(&dme1737_isa_driver\);$',
        resource='&dme1737_isa_driver',
        acquire='platform_driver_register',
        probe='dme1737_init',
        scope='module_init',
        why='module_init(dme1737_init): i2c_add_driver line 2736, then (only when an ISA chip is detected; otherwise return 0 at 2746) platform_driver_register(&dme1737_isa_driver) line 2749; dme1737_isa_device_add failure (2754-2756) -> exit_del_isa_driver: platform_driver_unregister(&dme1737_isa_driver) line 2761, then exit_del_i2c_driver: i2c_del_driver 2763; anchored on one tab: dme1737_exit() has it with two (under if)',
    ),
]


ORDER_SWAPS = [
    dict(
        path='drivers/platform/x86/lenovo-yogabook.c',
        v7_3=dict(path='drivers/platform/x86/lenovo/yogabook.c',
                  why='moved to drivers/platform/x86/lenovo/yogabook.c: yogabook_pdev_probe() error_free_irq (line 519): free_irq(data->pen_touch_irq) line 520 then cancel_work_sync line 521'),
        obj='drivers/platform/x86/lenovo-yogabook.o',
        config='CONFIG_YOGABOOK',
        anchor=r'yogabook::kbd_backlight"\);$',
        label=r'^error_free_irq:$',
        resource='data->work',
        expect='new',
        why='yogabook_pdev_probe() error_free_irq (line 517): free_irq(data->pen_touch_irq) then cancel_work_sync(&data->work); the pen IRQ handler yogabook_pen_touch_irq() schedules data->work (through yogabook_toggle_digitizer_mode), so cancelling first lets it be queued again',
    ),
    dict(
        path='drivers/input/misc/palmas-pwrbutton.c',
        obj='drivers/input/misc/palmas-pwrbutton.o',
        config='CONFIG_INPUT_PALMAS_PWRBUTTON',
        anchor=r'^err_free_irq:$',
        label=r'^err_free_irq:$',
        resource='pwron->input_work',
        expect='gone',
        why='palmas_pwron_probe() err_free_irq (line 232) cancels input_work before freeing the threaded IRQ whose handler pwron_irq() queues it (a real bug, in kernel-findings/drivers_input_misc.txt); swapped, the order is right',
    ),
]


SILENT_DRIVERS = [
    dict(
        path='drivers/pcmcia/yenta_socket.c',
        obj='drivers/pcmcia/yenta_socket.o',
        config='CONFIG_YENTA',
        probe='yenta_probe',
        why='acquisition inside a condition: line 1248 if (!socket->cb_irq || request_irq(socket->cb_irq, yenta_interrupt, IRQF_SHARED, "yenta", socket)) { socket->cb_irq = 0; timer_setup + mod_timer(&socket->poll_timer) (1252) } -- either the IRQ or a self-re-arming poll timer is live, told apart only by socket->cb_irq; the error label (1284) mirrors it: if (socket->cb_irq) free_irq (1286) else timer_shutdown_sync (1288), then iounmap(socket->base) (1289, mapped at 1213; yenta_interrupt() reads it); the override hook (function pointer, 1241) may request and free a temporary IRQ through yenta_probe_cb_irq() (995/1017)',
    ),
    dict(
        path='drivers/dma/xilinx/xdma.c',
        obj='drivers/dma/xilinx/xdma.o',
        config='CONFIG_XILINX_XDMA',
        probe='xdma_probe',
        why='per-channel IRQ loops in a helper: xdma_irq_init() (1031) requests one IRQ per H2C then per C2H channel (1045, 1058) and unwinds with while (j--) free_irq(c2h) (1097-1098) then while (i--) free_irq(h2c) (1100-1101), the C2H label also taken by three later failures after both loops completed; xdma_probe()\'s single error label (1300) calls xdma_remove(), which frees IRQs only if XDMA_DEV_STATUS_INIT_MSIX is set (1189) -- set after xdma_irq_init() succeeded, so nothing is freed twice; all MMIO/regmap/memory is devm',
    ),
    dict(
        path='drivers/ntb/hw/intel/ntb_hw_gen1.c',
        obj='drivers/ntb/hw/intel/ntb_hw_gen1.o',
        config='CONFIG_NTB_INTEL',
        probe='intel_ntb_pci_probe',
        why='fallback chain in a helper: ndev_init_isr() (363) tries MSI-X with a per-vector request loop (403) unwound by while (i-- > 0) free_irq (415-416), then MSI (432), then shared INTx (450), each failure falling to the next attempt rather than out; db_vec_count records what was requested so ndev_deinit_isr() frees exactly that; intel_ntb_pci_probe() (1843) unwinds through xeon_deinit_dev() (1907) and intel_ntb_deinit_pci() (1909), which pci_iounmaps self_mmio and, only if different, peer_mmio (conditionally mapped inside xeon_init_ntb)',
    ),
    dict(
        path='drivers/dma/timb_dma.c',
        obj='drivers/dma/timb_dma.o',
        config='CONFIG_TIMB_DMA',
        probe='td_probe',
        why='IRQ-fed tasklet: td_irq() (595) reads td->membase and tasklet_schedule(&td->tasklet) (604); td_probe() sets the tasklet up before requesting the IRQ (661, 663), so the error ladder kills it even when request_irq failed: err_free_irq: free_irq (730), err_tasklet_kill: tasklet_kill (732), iounmap(td->membase) (733, mapped at 647) -- the right order for all three; a failure inside the per-channel loop (692) also goes to err_free_irq',
    ),
    dict(
        path='drivers/atm/solos-pci.c',
        obj='drivers/atm/solos-pci.o',
        config='CONFIG_ATM_SOLOS',
        probe='fpga_probe',
        # real, found by the checker: pci_enable_device() (line 1206) is
        # never undone, every failure exit leaves the device enabled
        asis=[dict(tag='teardown-error-path', resource='dev')],
        why='two pci_iomap()s (1225, 1231) with separate labels, a tasklet set up before the shared IRQ (tasklet_init, request_irq at 1304) and scheduled by solos_irq() (750); atm_init() failure -> out_free_irq (1335): masks the IRQ in hardware, free_irq, tasklet_kill, then kfree(dma_bounce) and both pci_iounmap in reverse order (1340-1344)',
    ),
    dict(
        path='drivers/platform/x86/lenovo-yogabook.c',
        v7_3=dict(path='drivers/platform/x86/lenovo/yogabook.c',
                  why='moved to drivers/platform/x86/lenovo/yogabook.c, the same code: helper yogabook_probe() (186) with INIT_WORK 195, request_irq 223, schedule_work 229 and error_free_irq 245-247; yogabook_pdev_probe() (451) requests the pen IRQ at 504, error_free_irq 519-521; module_init 548-560'),
        obj='drivers/platform/x86/lenovo-yogabook.o',
        config='CONFIG_YOGABOOK',
        probe='yogabook_pdev_probe',
        why='a helper shared by two probes: yogabook_probe() (186) does INIT_WORK (195), request_irq(backside_hall_irq, .., data) (223) and a direct schedule_work (229), and on a later failure free_irq then cancel_work_sync (246-247); yogabook_pdev_probe() requests a second IRQ whose handler also schedules data->work (502) before calling the helper, and its own error label repeats free_irq + cancel_work_sync for it (518-519); yogabook_wmi_probe() uses the helper without an IRQ of its own; module_init registers a wmi and a platform driver and unregisters the first in a brace-less if (555-556). (The pen IRQ is requested before the helper initialises the work -- a probe-time race, not an error-path leak.)',
    ),
    dict(
        path='drivers/input/misc/da9055_onkey.c',
        obj='drivers/input/misc/da9055_onkey.o',
        config='CONFIG_INPUT_DA9055_ONKEY',
        probe='da9055_onkey_probe',
        why='threaded IRQ -> self-requeueing delayed work through a same-file helper: da9055_onkey_irq() calls da9055_onkey_query(), which schedule_delayed_work(&onkey->work) (47), and the work calls the same helper; probe: INIT_DELAYED_WORK (103), request_threaded_irq (105), input_register_device failure -> err_free_irq (126): free_irq then cancel_delayed_work_sync, then input_free_device; the input device is not devm',
    ),
    dict(
        path='drivers/gpu/drm/bridge/lontium-lt9611uxc.c',
        obj='drivers/gpu/drm/bridge/lontium-lt9611uxc.o',
        config='CONFIG_DRM_LONTIUM_LT9611UXC',
        probe='lt9611uxc_probe',
        why='a backward goto retry loop (818, 831) before any IRQ, INIT_WORK (845) then request_threaded_irq (847) whose thread schedule_work()s it (157); three later failures (870, 878, 884) share err_remove_bridge: free_irq, cancel_work_sync, drm_bridge_remove (889-891), then regulators and of_node_put',
    ),
    dict(
        path='drivers/video/fbdev/atmel_lcdfb.c',
        obj='drivers/video/fbdev/atmel_lcdfb.o',
        config='CONFIG_FB_ATMEL',
        probe='atmel_lcdfb_probe',
        why='conditional acquisition mirrored by conditional release: if (map) screen_base = ioremap_wc(..) (1118) else atmel_lcdfb_alloc_video_memory() (1131), released at free_fb by if (map) iounmap(info->screen_base) else atmel_lcdfb_free_video_memory() (1211-1214); the register window (ioremap 1148) is unmapped only after free_irq + cancel_work_sync (1203-1204) of the IRQ whose handler reads it and schedules the work (816-826); nine labels, several stacked',
    ),
    dict(
        path='drivers/i2c/busses/i2c-eg20t.c',
        obj='drivers/i2c/busses/i2c-eg20t.o',
        config='CONFIG_I2C_EG20T',
        probe='pch_i2c_probe',
        why='one pci_iomap() (757) held in a local and handed out as per-channel offsets (base_addr + 0x100 * i); the shared IRQ (787) is requested once for all channels and its handler reads every channel\'s registers; a failure in the per-channel i2c_add_numbered_adapter loop unwinds for (j = 0; j < i; j++) i2c_del_adapter, then free_irq, then pci_iounmap(pdev, base_addr) (811-816)',
    ),
    dict(
        path='drivers/usb/gadget/udc/mv_u3d_core.c',
        v7_3=dict(skip='the Marvell USB3 device controller driver mv_u3d_core.c is gone in 7.3 (no file, no Kconfig symbol)'),
        obj='drivers/usb/gadget/udc/mv_u3d_core.o',
        config='CONFIG_USB_MV_U3D',
        probe='mv_u3d_probe',
        why='four families on one ladder: ioremap cap_regs (1820) with op_regs/vuc_regs derived from it (used by mv_u3d_irq()), dma_alloc_coherent ep_context (1870), dma_pool_create trb_pool (1880), request_irq (1935); stacked labels (err_get_irq/err_request_irq, err_alloc_ep_context/err_phy_init/err_u3d_enable) and releases in reverse: free_irq (1966), dma_pool_destroy, dma_free_coherent (multi-line), iounmap (1980)',
    ),
    # ---- false findings once made by the checker, fixed, kept silent
    dict(
        path='drivers/media/pci/dm1105/dm1105.c',
        obj='drivers/media/pci/dm1105/dm1105.o',
        config='CONFIG_DVB_DM1105',
        probe='dm1105_probe',
        why='dm1105_dma_map() returns !dev->ts_buf: nonzero exactly when the buffer was not allocated, so dm1105_hw_init() failing there holds nothing (a helper returning the test of its own handle)',
    ),
    dict(
        path='drivers/media/pci/pt1/pt1.c',
        obj='drivers/media/pci/pt1/pt1.o',
        config='CONFIG_DVB_PT1',
        probe='pt1_probe',
        why='pt1_init_tables() unwinds the pages of every table it set up with while (i--) pt1_cleanup_table(): a loop the checker cannot count through inside a helper',
    ),
    dict(
        path='drivers/media/pci/cx88/cx88-alsa.c',
        obj='drivers/media/pci/cx88/cx88-alsa.o',
        config='CONFIG_VIDEO_CX88_ALSA',
        probe='cx88_audio_initdev',
        why='the IRQ requested in snd_cx88_create() is freed by snd_cx88_dev_free(), stored in card->private_free, which snd_card_free(card) on the error label runs',
    ),
    dict(
        path='drivers/media/pci/cobalt/cobalt-driver.c',
        obj='drivers/media/pci/cobalt/cobalt-driver.o',
        config='CONFIG_VIDEO_COBALT',
        probe='cobalt_probe',
        why='cobalt_setup_pci() tests pci_alloc_irq_vectors() with "< 1", a count: failing it holds no vectors',
    ),
    dict(
        path='drivers/net/can/sja1000/kvaser_pci.c',
        obj='drivers/net/can/sja1000/kvaser_pci.o',
        config='CONFIG_CAN_KVASER_PCI',
        probe='kvaser_pci_init_one',
        why='the three BARs stay in locals initialised to NULL and are unmapped under "if (x != NULL)" after a shared label: the release takes a value merged from the mapping and NULL',
    ),
    dict(
        path='drivers/uio/uio_mf624.c',
        obj='drivers/uio/uio_mf624.o',
        config='CONFIG_UIO_MF624',
        probe='mf624_pci_probe',
        why='a helper maps into the array element probe passes: mf624_setup_mem(dev, bar, &info->mem[i], ...) sets mem->internal_addr = pci_ioremap_bar() and fails only before or when that mapping fails; the labels out_unmap2/1/0 iounmap(info->mem[i].internal_addr): the element is the helper\'s struct uio_mem (round 3 of the precision benchmark reported it held)',
    ),
    dict(
        path='drivers/net/wireless/marvell/libertas/if_spi.c',
        obj='drivers/net/wireless/marvell/libertas/if_spi.o',
        config='CONFIG_LIBERTAS_SPI',
        probe='if_spi_probe',
        why='card->packet_work is queued only on card->workqueue (if_spi_host_to_card, the IRQ path); the error label release_irq frees the IRQ, then destroy_workqueue(card->workqueue) drains the work (round 3 reported it left queued)',
    ),
    dict(
        path='drivers/net/ieee802154/adf7242.c',
        obj='drivers/net/ieee802154/adf7242.o',
        config='CONFIG_IEEE802154_ADF7242',
        probe='adf7242_probe',
        why='the devm threaded IRQ (1279) is disabled with disable_irq(spi->irq) (1285) before the only later failure, ieee802154_register_hw() (1287): the error label destroying lp->wqueue (1300) races no handler (round 3 reported teardown-error-order there); the work the handler queues on that queue is drained by it',
    ),
    dict(
        path='drivers/block/xen-blkback/xenbus.c',
        obj='drivers/block/xen-blkback/xenbus.o',
        config='CONFIG_XEN_BLKDEV_BACKEND',
        probe='xen_blkbk_probe',
        why='blkif->free_work is the deferred free of blkif: its callback xen_blkif_deferred_free() -> xen_blkif_free() kmem_cache_free()s the blkif that holds it, and the failing probe queues it on purpose (through xen_blkbk_remove() -> xen_blkif_put()); cancelling it would leak blkif (round 3 reported it left queued)',
    ),
    dict(
        path='drivers/char/tpm/tpm_atmel.c',
        obj='drivers/char/tpm/tpm_atmel.o',
        config='CONFIG_TCG_ATMEL',
        probe='init_atmel',
        why='ioport_map() maps nothing (a port I/O cookie; ioport_unmap() is empty): the failure exits of init_atmel() after atmel_get_base_addr() leak no mapping (round 3 reported one)',
    ),
]


REAL_ERROR_BUGS = [
    # ------------------------------------------------------------ leaks
    dict(
        path='drivers/media/pci/bt8xx/bt878.c',
        obj='drivers/media/pci/bt8xx/bt878.o',
        config='CONFIG_DVB_BT8XX',
        function='bt878_probe',
        kind='leak', family='mmio',
        resource='bt->bt878_mem', acquire='ioremap',
        acquire_line=447, fail_lines=(458, 464, 467, 474),
        why='bt->bt878_mem = ioremap(bt->bt878_adr, 0x1000) at 447 (result not even checked); every failure after it (request_irq at 458/464/467 -> fail1, bt878_mem_alloc at 474 -> fail2) ends in fail1/fail0 (486-493), which release the IRQ, the mem region and the PCI device but never iounmap; only bt878_remove() unmaps (520)',
    ),
    dict(
        path='drivers/bluetooth/btintel_pcie.c',
        obj='drivers/bluetooth/btintel_pcie.o',
        config='CONFIG_BT_INTEL_PCIE',
        function='btintel_pcie_probe',
        kind='leak', family='workqueue',
        resource='data->workqueue', acquire='alloc_ordered_workqueue',
        acquire_line=1640, fail_lines=(1652, 1658, 1662, 1671, 1675),
        why='data->workqueue = alloc_ordered_workqueue(KBUILD_MODNAME, WQ_HIGHPRI) at 1640; all five later failures goto exit_error (1681-1689), which resets the device, clears bus mastering and drvdata and returns -- no destroy_workqueue (only btintel_pcie_remove() has it, 1712)',
    ),
    dict(
        path='drivers/bluetooth/btintel_pcie.c',
        obj='drivers/bluetooth/btintel_pcie.o',
        config='CONFIG_BT_INTEL_PCIE',
        function='btintel_pcie_probe',
        kind='leak', family='dmapool',
        resource='data->dma_pool', acquire='dma_pool_create',
        acquire_line=1217, fail_lines=(1662, 1671, 1675),
        why='same-file helper btintel_pcie_alloc() (called at 1656) creates data->dma_pool (1217), allocates a block from it and the tx/rx coherent buffers (dma_alloc_coherent 1093, 1137); when btintel_pcie_enable_bt (1662), btintel_pcie_start_rx (1671) or btintel_pcie_setup_hdev (1675) fails, exit_error never calls btintel_pcie_free() (1179-1186: free the buffers and dma_pool_destroy), which only remove() does (1714)',
    ),
    dict(
        path='drivers/media/platform/chips-media/wave5/wave5-vpu.c',
        v7_3=dict(fixed=True, why='fixed in 7.3: the thread is started at 342 and the error labels err_irq_release/err_vdi_release (417-424) stop it with kthread_stop(dev->irq_thread)'),
        obj='drivers/media/platform/chips-media/wave5/wave5-vpu.o',
        config='CONFIG_VIDEO_WAVE_VPU',
        function='wave5_vpu_probe',
        kind='leak', family='kthread',
        resource='dev->irq_thread', acquire='kthread_run',
        acquire_line=302, fail_lines=(309, 325, 332, 339, 346),
        why='polling mode (no IRQ): dev->irq_thread = kthread_run(irq_thread, dev, "irq thread") at 302 (result unchecked); the failures at 309 (worker creation), 325 (v4l2_device_register), 332/339 (dec/enc registration) and 346 (firmware) unwind through err_enc_unreg..err_reset_assert (356-371), none of which stops the thread; dev is devm, so the thread is left blocked on dev->irq_sem in freed memory; only remove() stops it (384)',
    ),
    dict(
        path='drivers/media/platform/chips-media/wave5/wave5-vpu.c',
        v7_3=dict(fixed=True, why='fixed in 7.3: the worker is created with kthread_run_worker() at 352 and err_irq_release (417-419) destroys it with kthread_destroy_worker(dev->worker)'),
        obj='drivers/media/platform/chips-media/wave5/wave5-vpu.o',
        config='CONFIG_VIDEO_WAVE_VPU',
        function='wave5_vpu_probe',
        kind='leak', family='kworker',
        resource='dev->worker', acquire='kthread_create_worker',
        acquire_line=305, fail_lines=(325, 332, 339, 346),
        why='polling mode: dev->worker = kthread_create_worker(0, "vpu_irq_thread") at 305; the later failures (325, 332, 339, 346) never kthread_destroy_worker() it (only remove() does, 391). (Also: the devm IRQ request failure at 318 jumps to err_enc_unreg and unregisters enc/dec/v4l2 devices that were never registered.)',
    ),
    dict(
        path='drivers/mfd/sm501.c',
        obj='drivers/mfd/sm501.o',
        config='CONFIG_MFD_SM501',
        function='sm501_base_init',
        kind='leak', family='driver',
        resource='&sm501_plat_driver', acquire='platform_driver_register',
        acquire_line=1721, fail_lines=(1725,),
        why='module_init: platform_driver_register(&sm501_plat_driver) at 1721, then return pci_register_driver(&sm501_pci_driver) at 1725 -- if that fails the module load fails with the platform driver still registered (its .remove and module text go away with the module)',
    ),
    dict(
        path='drivers/firewire/ohci.c',
        obj='drivers/firewire/ohci.o',
        config='CONFIG_FIREWIRE_OHCI',
        function='fw_ohci_init',
        kind='leak', family='workqueue',
        resource='selfid_workqueue', acquire='alloc_workqueue',
        acquire_line=3961, fail_lines=(3965,),
        why='module_init: selfid_workqueue = alloc_workqueue(KBUILD_MODNAME, WQ_MEM_RECLAIM, 0) at 3961, then return pci_register_driver(&fw_ohci_pci_driver) at 3965 without destroy_workqueue on failure (only fw_ohci_cleanup() destroys it)',
    ),
    dict(
        path='drivers/usb/gadget/udc/max3420_udc.c',
        obj='drivers/usb/gadget/udc/max3420_udc.o',
        config='CONFIG_USB_MAX3420_UDC',
        function='max3420_probe',
        kind='leak', family='kthread',
        resource='udc->thread_task', acquire='kthread_create',
        acquire_line=1261, fail_lines=(1286,),
        why='udc->thread_task = kthread_create(max3420_thread, udc, "max3420-thread") at 1261; when the vbus devm_request_irq fails (1284-1286) del_gadget (1291-1293) only deletes the gadget; kthread_stop is in remove() only (1305); the udc IRQ already requested at 1256 wakes the thread (wake_up_process, 530), which then runs against the devm-freed udc',
    ),
    dict(
        path='drivers/misc/mei/gsc-me.c',
        obj='drivers/misc/mei/gsc-me.o',
        config='CONFIG_INTEL_MEI_GSC',
        function='mei_gsc_probe',
        kind='leak', family='kthread',
        resource='hw->polling_thread', acquire='kthread_run',
        acquire_line=91, fail_lines=(125,),
        why='polling mode: hw->polling_thread = kthread_run(mei_me_polling_thread, dev, ..) at 91; when mei_register fails (123-125) register_err/err (130-138) call mei_stop() and, for the IRQ case only, devm_free_irq -- the polling thread is never stopped (kthread_stop only in mei_gsc_remove(), 153) and keeps polling the devm-allocated mei_device (mei_me_dev_init, hw-me.c 1807) after it is freed',
    ),
    dict(
        path='drivers/power/supply/wm831x_power.c',
        obj='drivers/power/supply/wm831x_power.o',
        config='CONFIG_WM831X_POWER',
        function='wm831x_power_probe',
        kind='leak', family='irq',
        resource='power', acquire='request_threaded_irq',
        acquire_line=644, fail_lines=(652, 666, 679),
        why='the battery IRQs are requested as irq = wm831x_irq(wm831x, platform_get_irq_byname(..)) (641-644: mapped through the wm831x irq_domain), but err_bat_irq (684-688) frees irq = platform_get_irq_byname(pdev, wm831x_bat_irqs[i]) without wm831x_irq() -- the raw hwirq number (the MFD cells are added with a NULL domain), not the virq that was requested; the battery IRQs stay requested with dev_id power (devm, freed) and free_irq() is called on unrelated numbers; remove() and the PWR SRC/SYSLO frees of the same label (690-694) do map correctly',
    ),
    dict(
        path='drivers/memstick/host/r592.c',
        obj='drivers/memstick/host/r592.o',
        config='CONFIG_MEMSTICK_R592',
        function='r592_probe',
        kind='leak', family='timer',
        resource='&dev->detect_timer', acquire='timer_setup',
        acquire_line=771, fail_lines=(798,),
        why='timer_setup(&dev->detect_timer, ..) at 771; request_irq(.., r592_irq, ..) at 790 and r592_update_card_detect() at 796 enables the card insert/remove interrupts; r592_irq() arms the timer (mod_timer, 654); when memstick_add_host fails (797-798) error7 frees the IRQ (803) but nothing deletes the timer (del_timer_sync only in remove, 830) -- a card event in that window fires r592_detect_timer() 50-500 ms later on the unmapped registers and freed host (iounmap 811, memstick_free_host 817)',
    ),
    dict(
        path='drivers/platform/surface/surface3_power.c',
        obj='drivers/platform/surface/surface3_power.o',
        config='CONFIG_SURFACE_3_POWER_OPREGION',
        function='mshw0011_probe',
        kind='leak', family='kthread',
        resource='data->poll_task', acquire='kthread_run',
        acquire_line=537, fail_lines=(546,),
        why='data->poll_task = kthread_run(mshw0011_poll_task, data, ..) at 537; when mshw0011_install_space_handler fails (544-546) out_err stops the thread only if (data->kthread_running) (551-552), a flag the thread itself sets as its first statement (357) -- if it has not run yet the thread is leaked and later runs on the devm-freed data (a race, but no other release exists)',
    ),
    # ------------------------------------------------------------ order
    dict(
        path='drivers/usb/typec/anx7411.c',
        obj='drivers/usb/typec/anx7411.o',
        config='CONFIG_TYPEC_ANX7411',
        function='anx7411_i2c_probe',
        kind='order', family='workqueue',
        resource='plat->workqueue', acquire='alloc_workqueue',
        acquire_line=1518, fail_lines=(1543,),
        why='plat->workqueue = alloc_workqueue(..) at 1518, then devm_request_threaded_irq(.., anx7411_intr_isr, .., plat) at 1528, whose thread queue_work(ctx->workqueue, &ctx->work) (990); when devm_pm_runtime_enable fails (1541-1543) free_wq destroys the workqueue (1548) while the devm IRQ stays requested until devres runs after probe returns -- an interrupt in between queues work on the destroyed workqueue',
    ),
    dict(
        path='drivers/media/usb/s2255/s2255drv.c',
        obj='drivers/media/usb/s2255/s2255drv.o',
        config='CONFIG_USB_S2255',
        function='s2255_probe',
        kind='order', family='timer',
        resource='&dev->timer', acquire='timer_setup',
        acquire_line=2263, fail_lines=(2325,),
        why='same-file helper s2255_fwload_start() (called at 2321) arms dev->timer for 1 s (mod_timer 2202); s2255_timer() submits dev->fw_data->fw_urb (476), whose completion resubmits it with pfw_data; when s2255_probe_v4l fails (2323-2325) the ladder frees pfw_data (2333) and the URB (2335) before timer_shutdown_sync (2337) and never kills an URB already in flight -- narrow (the timer fires 1 s after arming), but the order is wrong',
    ),
    # ------------------------------------------------------------ errptr
    dict(
        path='drivers/char/ipmi/ipmi_ipmb.c',
        obj='drivers/char/ipmi/ipmi_ipmb.o',
        config='CONFIG_IPMI_IPMB',
        function='ipmi_ipmb_probe',
        kind='errptr', family='kthread',
        resource='iidev->thread', acquire='kthread_run',
        acquire_line=533, fail_lines=(539,),
        why='when kthread_run fails (533-539) iidev->thread keeps the ERR_PTR and out_err calls ipmi_ipmb_cleanup() (554) -> ipmi_ipmb_stop_thread(), whose if (iidev->thread) (394) is true for an ERR_PTR: up() the semaphores and kthread_stop(ERR_PTR) (401) -- the error path itself oopses',
    ),
    dict(
        path='drivers/media/i2c/msp3400-driver.c',
        obj='drivers/media/i2c/msp3400-driver.o',
        config='CONFIG_VIDEO_MSP3400',
        function='msp_probe',
        kind='errptr', family='kthread',
        resource='state->kthread', acquire='kthread_run',
        acquire_line=846, fail_lines=(),
        why='not an error-path leak: when kthread_run fails (846-849) probe only warns and returns 0 with the ERR_PTR left in state->kthread; msp_wake_thread() tests it against NULL (305) and msp_remove() does if (state->kthread) { ..; kthread_stop(state->kthread); } (861-863) on the ERR_PTR',
    ),
    dict(
        path='drivers/media/pci/cx88/cx88-video.c',
        obj='drivers/media/pci/cx88/cx88-video.o',
        config='CONFIG_VIDEO_CX88',
        function='cx8800_initdev',
        kind='errptr', family='kthread',
        resource='core->kthread', acquire='kthread_run',
        acquire_line=1498, fail_lines=(),
        why='not an error-path leak: when kthread_run fails (1498-1504) initdev logs it and returns 0 with the ERR_PTR in core->kthread; cx8800_finidev() does if (core->kthread) { kthread_stop(core->kthread); .. } (1531-1533) on it. The probe error ladder itself (fail_unreg/fail_irq/fail_core, 1510-1522) is correct',
    ),
    # ------------------------------------------------------------ bad-release
    dict(
        path='drivers/net/can/sja1000/kvaser_pci.c',
        obj='drivers/net/can/sja1000/kvaser_pci.o',
        config='CONFIG_CAN_KVASER_PCI',
        function='kvaser_pci_init_one',
        kind='bad-release', family='mmio',
        resource='base_addr', acquire='pci_iomap',
        acquire_line=316, fail_lines=(333,),
        why='double unmap: kvaser_pci_add_chan() cleans up its own failure with kvaser_pci_del_chan(dev) (274), which pci_iounmaps reg_base, conf_addr and res_addr (189-191); then kvaser_pci_init_one() goes to failure_cleanup (333 -> 345-346: kvaser_pci_del_chan(master_dev), unmapping them again once a channel exists) and falls into failure_iounmap (348-354), unmapping all three again; a failed slave channel is also left in master_board->slave_dev[] (236) after being freed',
    ),
    dict(
        path='drivers/staging/rtl8192e/rtl8192e/rtl_core.c',
        obj='drivers/staging/rtl8192e/rtl8192e/rtl_core.o',
        config='CONFIG_RTL8192E',
        function='_rtl92e_pci_probe',
        kind='bad-release', family='irq',
        resource='dev', acquire='request_irq',
        acquire_line=793, fail_lines=(1896,),
        why='the IRQ is requested inside the same-file helper _rtl92e_init() (793), which returns -1 either because request_irq failed (796) or after freeing it itself (802-803); _rtl92e_pci_probe() then jumps to err_free_irq (1895-1896) and calls free_irq(dev->irq, dev) (1911) on an IRQ it does not hold',
    ),
    dict(
        path='drivers/tty/serial/ma35d1_serial.c',
        obj='drivers/tty/serial/ma35d1_serial.o',
        config='CONFIG_SERIAL_NUVOTON_MA35D1',
        function='ma35d1serial_probe',
        kind='bad-release', family='irq',
        resource='&up->port', acquire='request_irq',
        acquire_line=389, fail_lines=(748,),
        why='probe never requests the IRQ (the uart startup op does, 389), but a uart_add_one_port failure (746-748) goes to err_free_irq: free_irq(up->port.irq, &up->port) (752-753)',
    ),
    dict(
        path='drivers/crypto/marvell/octeontx/otx_cptvf_main.c',
        obj='drivers/crypto/marvell/octeontx/otx_cptvf_main.o',
        config='CONFIG_CRYPTO_DEV_OCTEONTX_CPT',
        function='otx_cptvf_probe',
        kind='bad-release', family='irq',
        resource='cptvf', acquire='request_irq',
        acquire_line=869, fail_lines=(874,),
        why='when request_irq of the DONE vector fails (869-874) the code jumps to free_done_irq, whose first statement frees that very vector (910-911); it should go to sw_cleanup',
    ),
]
