"""The Coccinelle half on the real 6.12 and 7.3 trees: the same cases as the
plugin's real-kernel tiers, so that where the two front ends differ is
known, short and explained (docs/coccinelle.md).

- Every driver of real_drivers.py, as it is and with one release of its
  remove path deleted: teardown_release.cocci reports what the plugin
  reports, except the drivers in COCCI_MISSES.
- Patch mode on those mutants whose deleted call was a fence or a
  release patch mode can write: the patched file compiles with the
  driver's real flags and the plugin no longer reports the resource.
- Whole directories of the kbuild tier: what spatch reports is the
  reviewed list below; it includes files this configuration does not
  build, which the plugin never sees.
"""
import json
import os
import re
import subprocess
import tempfile

import pytest

from conftest import (CHECKER, KERNEL_BUILDS, REMOVE_PATH_ONLY,
                      kbuild_check_argv, kernel_per_front_end, run_checker)
from kernel_versions import for_kernel
from real_drivers import DRIVERS
from test_cocci import RELEASE, reported, spatch
from test_real_drivers import matches, mutate

pytestmark = pytest.mark.kernel

# spatch reads the sources; patch mode's result is checked with the GCC
# plugin: once per kernel (issue 18), the gcc build of each.
kernel = pytest.fixture(scope="module", params=[
    b for b in KERNEL_BUILDS if b.startswith("gcc")])(kernel_per_front_end)

# Mutants the plugin catches and spatch does not, and why.
COCCI_MISSES = {
    # the DMA rx tasklet (rx_ctl->tasklet) is killed through another
    # struct type; without field types spatch matches by the last field
    "drivers/net/ethernet/micrel/ks8842.c": "same field name, other struct",
    # remove() hands 'data' to btintel_pcie_* / hci_* functions: without
    # the headers spatch cannot tell a kernel API from the driver's code
    # in another file, and stays silent
    "drivers/bluetooth/btintel_pcie.c": "container handed to an unknown function",
    # likewise cx88_core_put(core, ...) in cx8800_finidev()
    "drivers/media/pci/cx88/cx88-video.c": "container handed to an unknown function",
    # sunxi_mmc_disable() -> sunxi_mmc_reset_host() writes registers with
    # mmc_writel(host, ...), a macro of the file that spatch, which does
    # not expand macros, reads as a function given the container
    "drivers/mmc/host/sunxi-mmc.c": "container handed to a macro of the file",
}

# What spatch reports on whole directories: the plugin's reviewed
# remove-path findings, and findings in files x86_64 allmodconfig does
# not build (other architectures), each read against the code.  A
# finding of some kernels only has a fourth field, those versions.
COCCI_DIRS = {
    "drivers/input/misc": set(),
    "drivers/spi": {
        # PowerPC only: of_fsl_spi_probe() maps the CS register, only the
        # probe error path unmaps it; of_fsl_spi_remove() leaks it
        ("drivers/spi/spi-fsl-spi.c", "teardown-mmio", "pinfo->immr_spi_cs"),
    },
    "drivers/rtc": {
        # also the plugin's (kernel-findings/drivers_rtc.txt)
        ("drivers/rtc/rtc-test.c", "teardown-timer", "rtd->alarm"),
        # also the plugin's on 7.3, where the driver is new
        ("drivers/rtc/rtc-atcrtc100.c", "teardown-work",
         "atcrtc_dev->rtc_work", ("7.3",)),
    },
    "drivers/watchdog": {
        # also the plugin's (kernel-findings/drivers_watchdog.txt)
        ("drivers/watchdog/rdc321x_wdt.c", "teardown-timer",
         "rdc321x_wdt_device.timer"),
        # MIPS only, the same code as rdc321x_wdt: remove() clears .queue
        # and waits for a completion, with no synchronous fence
        ("drivers/watchdog/mtx-1_wdt.c", "teardown-timer",
         "mtx1_wdt_device.timer"),
        # SuperH only: the timer is stopped by del_timer() in the
        # watchdog stop op, asynchronously; remove() has no fence
        ("drivers/watchdog/shwdt.c", "teardown-timer", "wdt->timer"),
        # ISA only (teardown_async.cocci, no resource): pcwd_isa_remove()
        # stops the self-re-arming ping timer with del_timer() in
        # pcwd_stop(), then releases the I/O region the callback writes
        ("drivers/watchdog/pcwd.c", "teardown-async", ""),
    },
}

# Mutants patch mode reports but leaves alone, and why.
PATCH_DECLINED = {
    # one tasklet per channel: the fence belongs in remove()'s loop over
    # the channels, which patch mode does not write
    "drivers/dma/nbpfaxi.c": "per-channel resource",
}
# Families whose fix patch mode writes into remove() (a fence, or a
# release that needs only the handle).
PATCHABLE = {"timer", "hrtimer", "work", "workqueue", "tasklet", "kthread",
             "mmio"}


@pytest.mark.parametrize("driver", DRIVERS, ids=[d["path"] for d in DRIVERS])
def test_cocci_real_driver(kernel, driver):
    driver = for_kernel(driver, kernel)
    asis = [e for e in driver.get("asis", []) if "tag" not in e]
    found = reported(os.path.join(kernel.src, driver["path"]))
    assert all(any(matches(f, e) for e in asis) for f in found), found
    with tempfile.TemporaryDirectory() as tmp:
        mutated = reported(mutate(kernel, driver, tmp))
    new = [f for f in mutated if not any(matches(f, e) for e in asis)]
    if driver["path"] in COCCI_MISSES:
        assert not new, "no longer a difference: " + str(new)
        return
    # spatch may name the resource as the source spells it where the
    # plugin names where its value was read from (cocci_expect)
    expect = dict(driver["expect"], **driver.get("cocci_expect", {}))
    assert len(new) == 1 and matches(new[0], expect), (expect, mutated)
    assert "in %s()" % expect["acquired_in"] in new[0][3], new[0][3]


@pytest.mark.parametrize("driver", [
    d for d in DRIVERS if d["expect"]["family"] in PATCHABLE and
    d["path"] not in COCCI_MISSES], ids=lambda d: d["path"])
def test_cocci_patch_real_driver(kernel, driver):
    """The mutant patched by spatch compiles with the driver's flags and
    the plugin no longer reports the deleted release."""
    driver = for_kernel(driver, kernel)
    asis = driver.get("asis", [])
    with tempfile.TemporaryDirectory() as tmp:
        source = mutate(kernel, driver, tmp)
        with open(source) as f:
            before = f.read()
        spatch(RELEASE, "patch", source, extra=["--in-place"])
        with open(source) as f:
            patched = f.read() != before
        if driver["path"] in PATCH_DECLINED:
            assert not patched, "no longer declined"
            return
        assert patched, "nothing patched"
        rc, found, _, _, err = run_checker(
            kbuild_check_argv(kernel, driver["obj"], source), kernel.build,
            extra=REMOVE_PATH_ONLY)
    assert rc == 0, err[-3000:]
    left = [f for f in found if not any(matches(f, e) for e in asis)]
    assert not left, left


def cocci_expected(directory, version):
    return {f[:3] for f in COCCI_DIRS[directory]
            if len(f) == 3 or version in f[3]}


@pytest.mark.parametrize("directory", sorted(COCCI_DIRS))
def test_cocci_directory(kernel, directory):
    """Tree mode without a build: both semantic patches over the directory."""
    r = subprocess.run([CHECKER, "--cocci", "-j2", "--format", "json",
                        directory], cwd=kernel.src, capture_output=True,
                       text=True, timeout=900)
    assert r.returncode in (0, 1), r.stderr[-3000:]
    doc = json.loads(r.stdout)
    assert doc["frontend"] == "cocci" and doc["root"] == kernel.src
    got = {(f["file"], f["tag"], f["resource"]) for f in doc["findings"]}
    assert got == cocci_expected(directory, kernel.version), sorted(got)
    assert r.returncode == (1 if got else 0)
    files = sum(n.endswith(".c") for _, _, names in
                os.walk(os.path.join(kernel.src, directory)) for n in names)
    assert re.search(r"^teardown-check: %d files \(cocci front end\), %d "
                     r"findings" % (files, len(got)), r.stderr, re.M), r.stderr
