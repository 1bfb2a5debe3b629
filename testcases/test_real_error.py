"""Error-path tier: probe() and module_init() failure exits of real 6.12
drivers (testcases/real_error_drivers.py says which and why).

- ERROR_DRIVERS: as they are, their error paths give exactly the error-path
  findings listed in 'asis'; with one release deleted from an error label,
  new teardown-error-path findings appear, and all of them name the
  resource whose release was deleted (or the entry says why the checker
  must stay silent: 'silent').
- ORDER_SWAPS: two releases of an error label swapped: the
  teardown-error-order finding appears (or, for a real bug, goes away).
- SILENT_DRIVERS: correct, hard error paths: nothing but 'asis'.
- REAL_ERROR_BUGS: the leaks and ordering bugs of 6.12 the checker finds
  (DETECTED below); the others are out of its reach, for the reason given.
"""
import re
import tempfile

import pytest

from conftest import (KERNEL_BUILDS, kernel_per_front_end,
                      ERROR_PATH_TAGS, emptied, kbuild_check_argv,
                      mutated_source, one_line, run_checker)
from kernel_versions import at_version, for_kernel
from real_error_drivers import (ERROR_DRIVERS, ORDER_SWAPS, REAL_ERROR_BUGS,
                                SILENT_DRIVERS)

pytestmark = pytest.mark.kernel

# The real-kernel tier runs once per compiler front end (issue 8), and on
# Linux 7.3 (issue 18).
kernel = pytest.fixture(scope="module",
                        params=KERNEL_BUILDS)(kernel_per_front_end)


def resource_of(finding):
    return re.search(r"'([^']+)'", finding[3]).group(1)


def names(expected, text):
    """'base' is qtty->base; '&p->timer' is p->timer."""
    expected = expected.lstrip("&")
    return text == expected or text.endswith("->" + expected) or \
        text.endswith("." + expected)


def error_findings(kernel, obj, source=None):
    rc, found, _, stats, err = run_checker(
        kbuild_check_argv(kernel, obj, source), kernel.build)
    assert rc == 0, err[-3000:]
    return [f for f in found if f[2] in ERROR_PATH_TAGS], stats


def expected_asis(entry):
    return [e for e in entry.get("asis", []) if "tag" in e]


def matches_asis(finding, entry):
    return any(finding[2] == e["tag"] and names(e["resource"],
                                                resource_of(finding))
               for e in expected_asis(entry))


def describe(findings):
    return "\n".join("  %d: %s" % (f[1], f[3]) for f in findings) or "  none"


def ids(entries):
    return ["%s:%s" % (e["path"], e.get("resource", "")) for e in entries]


@pytest.mark.parametrize("entry", ERROR_DRIVERS, ids=ids(ERROR_DRIVERS))
def test_error_driver(kernel, entry):
    entry = for_kernel(entry, kernel)
    asis, _ = error_findings(kernel, entry["obj"])
    assert all(matches_asis(f, entry) for f in asis) and \
        all(any(matches_asis(f, dict(asis=[e])) for f in asis)
            for e in expected_asis(entry)), \
        "as it is, expected %s, got:\n%s" % (expected_asis(entry),
                                             describe(asis))

    def edit(lines, path):
        i = one_line(lines, entry["delete"], path, entry.get("after"))
        lines[i] = emptied(lines[i])

    with tempfile.TemporaryDirectory() as tmp:
        source = mutated_source(kernel, entry["path"], tmp, edit)
        mutated, _ = error_findings(kernel, entry["obj"], source)
    before = {(f[2], f[3]) for f in asis}
    new = [f for f in mutated if (f[2], f[3]) not in before]
    if entry.get("silent"):
        assert not new, describe(new)
        return
    want = entry.get("reported", entry["resource"])
    assert new and all(names(want, resource_of(f)) for f in new), \
        "mutated, expected new findings on '%s' only, got:\n%s" % (
            want, describe(mutated))
    assert any(f[2] == "teardown-error-path" for f in new), describe(new)
    for f in new:
        msg = f[3]
        assert "fails here" in msg and "; add " in msg, msg


@pytest.mark.parametrize("entry", ORDER_SWAPS,
                         ids=[e["path"] for e in ORDER_SWAPS])
def test_error_order_swap(kernel, entry):
    entry = for_kernel(entry, kernel)
    def edit(lines, path):
        i = one_line(lines, entry["anchor"], path)
        while not re.search(entry["label"], lines[i]):
            i += 1
        lines[i + 1], lines[i + 2] = lines[i + 2], lines[i + 1]

    def order_on(findings):
        return [f for f in findings if f[2] == "teardown-error-order" and
                resource_of(f) == entry["resource"]]

    asis, _ = error_findings(kernel, entry["obj"])
    with tempfile.TemporaryDirectory() as tmp:
        source = mutated_source(kernel, entry["path"], tmp, edit)
        swapped, _ = error_findings(kernel, entry["obj"], source)
    if entry["expect"] == "new":
        assert not order_on(asis), describe(asis)
        assert order_on(swapped), describe(swapped)
    else:
        assert order_on(asis), describe(asis)
        assert not order_on(swapped), describe(swapped)


@pytest.mark.parametrize("entry", SILENT_DRIVERS,
                         ids=[e["path"] for e in SILENT_DRIVERS])
def test_silent_driver(kernel, entry):
    entry = for_kernel(entry, kernel)
    found, stats = error_findings(kernel, entry["obj"])
    assert all(matches_asis(f, entry) for f in found), describe(found)
    assert stats.get("error_exits", 0) > 0, stats


# (path, resource as the checker names it, tag) of REAL_ERROR_BUGS found.
DETECTED = {
    ("drivers/media/pci/bt8xx/bt878.c", "bt->bt878_mem"): "teardown-error-path",
    ("drivers/bluetooth/btintel_pcie.c", "data->workqueue"): "teardown-error-path",
    ("drivers/bluetooth/btintel_pcie.c", "data->dma_pool"): "teardown-error-path",
    ("drivers/media/platform/chips-media/wave5/wave5-vpu.c",
     "dev->irq_thread"): "teardown-error-path",
    ("drivers/media/platform/chips-media/wave5/wave5-vpu.c",
     "dev->worker"): "teardown-error-path",
    ("drivers/usb/gadget/udc/max3420_udc.c", "udc->thread_task"):
        "teardown-error-path",
    ("drivers/misc/mei/gsc-me.c", "hw->polling_thread"): "teardown-error-path",
    ("drivers/memstick/host/r592.c", "dev->detect_timer"): "teardown-error-path",
    ("drivers/usb/typec/anx7411.c", "plat->workqueue"): "teardown-error-order",
}


def test_real_error_bugs_found(kernel):
    """Each bug is found on the kernels that have it; on a kernel where
    its entry says it is fixed, the finding is gone."""
    wrong = []
    for (path, resource), tag in sorted(DETECTED.items()):
        bug = next(b for b in REAL_ERROR_BUGS if b["path"] == path and
                   names(b["resource"], resource))
        bug = at_version(bug, kernel.version)
        found, _ = error_findings(kernel, bug["obj"])
        hit = any(f[2] == tag and resource_of(f) == resource for f in found)
        if hit == bool(bug.get("fixed")):
            wrong.append("%s %s %s (%s):\n%s" % (
                path, tag, resource,
                "fixed, still reported" if hit else "not found",
                describe(found)))
    assert not wrong, "\n".join(wrong)


def test_tiers_cover_the_families():
    families = {e["family"] for e in ERROR_DRIVERS if not e.get("silent")}
    for family in ("mmio", "irq", "dma", "dmapool", "workqueue", "kthread",
                   "kworker", "timer", "driver"):
        assert family in families, family
    assert sum(1 for e in ERROR_DRIVERS if e.get("helper")) >= 3
    assert sum(1 for e in ERROR_DRIVERS
               if e.get("scope") == "module_init") >= 3
