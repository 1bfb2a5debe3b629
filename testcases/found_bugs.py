"""The register of real bugs (docs/found/): for each patch, the object it
changes in Linux 7.3, the finding it fixes, and what docs/found/README.md
says of it.

  patch         the file in docs/found/, git format-patch style
  obj           the object the patched file builds (one file a patch)
  tag, resource the finding, as the checker names it, that must go away
  family        the resource family (rules/teardown.rules)
  in_6_12       whether Linux 6.12 has the bug too (False: the driver or
                the code is newer)
  from_checker  whether the patch is the checker's own fix (patch mode or
                the fix hint) unchanged
"""

FOUND = [
    dict(patch="0001-spi-spi-qpic-snand-unmap-the-DMA-handle-on-probe-failure.patch",
         obj="drivers/spi/spi-qpic-snand.o",
         tag="teardown-error-path", resource="snandc->base_dma",
         family="dma", in_6_12=False, from_checker=False),
    dict(patch="0002-rtc-atcrtc100-cancel-the-alarm-work-on-unbind.patch",
         obj="drivers/rtc/rtc-atcrtc100.o",
         tag="teardown-work", resource="atcrtc_dev->rtc_work",
         family="work", in_6_12=False, from_checker=False),
]
