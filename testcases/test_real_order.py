"""Real-kernel tier of the order checks: 6.12 drivers whose teardown order
is right, checked as they are and with two teardown steps swapped or an IRQ
moved onto devres (testcases/real_order_drivers.py); and modules whose
module_exit loses one release.

Entries marked 'silent' must stay silent when mutated; among them rule F
(a timer that re-arms itself, stopped with timer_delete_sync()), which is
not a check: timer_delete_sync() waits for the running callback and then
deletes the timer that callback re-armed.
"""
import re
import tempfile

import pytest

from conftest import (KERNEL_BUILDS, kernel_per_front_end,
                      ORDER_TAGS, REMOVE_PATH_ONLY, emptied,
                      kbuild_check_argv, mutated_source, one_line,
                      run_checker)
from kernel_versions import for_kernel
from real_order_drivers import MODULE_CASES, ORDER_DRIVERS
from test_real_drivers import TAGS, describe

pytestmark = pytest.mark.kernel

# The real-kernel tier runs once per compiler front end (issue 8), and on
# Linux 7.3 (issue 18).
kernel = pytest.fixture(scope="module",
                        params=KERNEL_BUILDS)(kernel_per_front_end)

RULE_TAGS = {
    "A": ("teardown-order",), "B": ("teardown-order",),
    "C": ("teardown-order",), "D": ("teardown-devm-order",),
    "E": ("teardown-mmio-dma",), "G": ("teardown-use-after-free",),
}


def mutated_copy(kernel, entry, tmpdir):
    after = entry.get("after")

    def edit(lines, path):
        if "swap" in entry:
            a, b = (one_line(lines, r, path, after) for r in entry["swap"])
            lines[a], lines[b] = lines[b], lines[a]
        elif "devm" in entry:
            d = entry["devm"]
            i = one_line(lines, d["request"], path)
            lines[i] = lines[i].replace(*d["replace"], 1)
            i = one_line(lines, d["delete"], path)
            lines[i] = emptied(lines[i])
        elif "replace" in entry:
            regex, old, new = entry["replace"]
            i = one_line(lines, regex, path)
            lines[i] = lines[i].replace(old, new, 1)
        else:
            i = one_line(lines, entry["delete"], path, after)
            lines[i] = emptied(lines[i])
    return mutated_source(kernel, entry["path"], tmpdir, edit)


def tail(text):
    """'ne_pci_dev->notify_work' -> '->notify_work': names differ by function."""
    m = re.search(r"(->|\.)[\w\[\].>-]+$", text)
    return m.group(0) if m else text


def order_findings(found):
    return [f for f in found if f[2] in ORDER_TAGS]


def check(kernel, entry, source=None):
    rc, found, _, _, err = run_checker(
        kbuild_check_argv(kernel, entry["obj"], source), kernel.build,
        extra=REMOVE_PATH_ONLY)
    assert rc == 0, err[-3000:]
    return found


@pytest.mark.parametrize("entry", ORDER_DRIVERS,
                         ids=[d["path"] for d in ORDER_DRIVERS])
def test_order_driver(kernel, entry):
    entry = for_kernel(entry, kernel)
    silent_rule = "silent" in entry
    asis = [a for a in entry.get("asis", []) if a["rule"] != "F"]
    found = order_findings(check(kernel, entry))
    assert len(found) == len(asis), \
        "as it is, expected %s, got:\n%s" % (asis, describe(found))
    with tempfile.TemporaryDirectory() as tmp:
        mutated = order_findings(check(kernel, entry,
                                       mutated_copy(kernel, entry, tmp)))
    new = [f for f in mutated if f not in found and
           (f[1], f[2]) not in {(g[1], g[2]) for g in found}]
    if silent_rule:
        assert not new, describe(new)
        return
    expect = entry["expect"]
    assert len(new) == 1, "mutated, expected one new %s finding on %s:\n%s" % (
        RULE_TAGS[entry["rule"]], expect["early"], describe(mutated))
    _, _, tag, msg = new[0]
    assert tag in RULE_TAGS[entry["rule"]], msg
    quoted = re.findall(r"'([^']+)'", msg)
    assert any(q.endswith(tail(expect["early"])) for q in quoted), msg


@pytest.mark.parametrize("entry", MODULE_CASES,
                         ids=[d["path"] for d in MODULE_CASES])
def test_module_exit(kernel, entry):
    entry = for_kernel(entry, kernel)
    found = [f for f in check(kernel, entry) if "module exit" in f[3]]
    assert not found, describe(found)
    with tempfile.TemporaryDirectory() as tmp:
        mutated = check(kernel, entry, mutated_copy(kernel, entry, tmp))
    expect = entry["expect"]
    new = [f for f in mutated if "module exit" in f[3]]
    assert len(new) == 1, describe(mutated)
    _, _, tag, msg = new[0]
    assert tag == TAGS[expect["family"]], msg
    assert "'%s'" % expect["resource"] in msg, msg
    assert "add " in msg and "to %s()" % entry["exit"] in msg, msg


def test_explain_shows_the_timeline(kernel):
    """--explain on a real driver: acquisitions, the ordered teardown steps
    with helpers expanded, devres after remove, and each resource's fate."""
    entry = next(d for d in ORDER_DRIVERS if "da9062-thermal" in d["path"])
    rc, _, _, _, err = run_checker(kbuild_check_argv(kernel, entry["obj"]),
                                   kernel.build, extra=("--explain",))
    assert rc == 0, err[-2000:]
    text = err[err.index("driver 'da9062_thermal_driver'"):]
    text = re.split(r"\n(?:module|driver) '", text)[0]
    assert re.search(r"acquired by da9062_thermal_probe:\n(    .*\n)*"
                     r"    .*work 'thermal->work' initialised in "
                     r"da9062_thermal_probe\(\), callback "
                     r"da9062_thermal_poll_on\n", text), text
    steps = re.findall(r"^ +(\d+)\. \S+ (\w+)\(\)", text, re.M)
    names = [s[1] for s in steps]
    assert names.index("free_irq") < names.index("cancel_delayed_work_sync"), \
        text
    assert [int(s[0]) for s in steps] == sorted(int(s[0]) for s in steps)
    assert re.search(r"delayed work 'thermal->work': released at step \d+\n",
                     text), text


# Real ordering bugs of 6.12 (see REAL_FINDINGS in real_order_drivers.py for
# the reading of each): the checker must keep finding them, and only them.
REAL_BUGS = [
    ("drivers/usb/gadget/udc/m66592-udc.o", "teardown-order", "m66592->reg"),
    ("drivers/video/fbdev/sh_mobile_lcdcfb.o", "teardown-order", "priv->base"),
    ("drivers/media/pci/dm1105/dm1105.o", "teardown-order",
     "dm1105->ir.work"),
    ("drivers/mmc/host/wbsd.o", "teardown-order", "host->card_bh_work"),
    ("drivers/tty/goldfish.o", "teardown-order", "qtty->base"),
]


@pytest.mark.parametrize("obj,tag,resource", REAL_BUGS,
                         ids=[b[0] for b in REAL_BUGS])
def test_real_ordering_bug(kernel, obj, tag, resource):
    rc, found, _, _, err = run_checker(kbuild_check_argv(kernel, obj),
                                       kernel.build, extra=REMOVE_PATH_ONLY)
    assert rc == 0, err[-2000:]
    assert [(f[2], re.search(r"'([^']+)'", f[3]).group(1)) for f in found] \
        == [(tag, resource)], describe(found)
