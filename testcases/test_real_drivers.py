"""Real-kernel tier: 6.12 drivers as they are, and with one teardown call
of their remove path deleted (testcases/real_drivers.py says which).

As they are, they must give exactly the findings listed in 'asis' (real
bugs, each explained there); mutated, exactly one finding more: the
resource whose release was deleted, of the expected kind, acquired where
expected.
"""
import re
import tempfile

import pytest

from conftest import (FRONT_ENDS, kernel_per_front_end,
                      REMOVE_PATH_ONLY, RULES, emptied, kbuild_check_argv,
                      mutated_source, one_line, run_checker)
from real_drivers import DRIVERS

pytestmark = pytest.mark.kernel

# The real-kernel tier runs once per compiler front end (issue 8).
kernel = pytest.fixture(scope="module",
                        params=FRONT_ENDS)(kernel_per_front_end)


def family_tags():
    tags = {}
    with open(RULES) as f:
        for line in f:
            m = re.match(r"family\s+(\S+)\s+tag=(\S+)", line)
            if m:
                tags[m.group(1)] = m.group(2)
    return tags


TAGS = family_tags()


def matches(finding, expect):
    _, _, tag, msg = finding
    return tag == expect.get("tag", TAGS[expect["family"]]) and \
        "'%s'" % expect["resource"] in msg


def mutate(kernel, driver, tmpdir):
    def edit(lines, path):
        i = one_line(lines, driver["delete"], path)
        lines[i] = emptied(lines[i])
    return mutated_source(kernel, driver["path"], tmpdir, edit)


def describe(findings):
    return "\n".join("  %d: %s" % (f[1], f[3]) for f in findings) or "  none"


@pytest.mark.parametrize("driver", DRIVERS, ids=[d["path"] for d in DRIVERS])
def test_real_driver(kernel, driver):
    asis = driver.get("asis", [])
    rc, found, _, stats, err = run_checker(
        kbuild_check_argv(kernel, driver["obj"]), kernel.build,
        extra=REMOVE_PATH_ONLY)
    assert rc == 0, err[-3000:]
    assert stats.get("drivers", 0) >= 1, "no driver found:\n" + err[-2000:]
    assert len(found) == len(asis) and \
        all(any(matches(f, e) for f in found) for e in asis), \
        "as it is, expected %s, got:\n%s" % (asis, describe(found))

    with tempfile.TemporaryDirectory() as tmp:
        source = mutate(kernel, driver, tmp)
        rc, mutated, notes, _, err = run_checker(
            kbuild_check_argv(kernel, driver["obj"], source), kernel.build,
            extra=REMOVE_PATH_ONLY)
    assert rc == 0, err[-3000:]
    expect = driver["expect"]
    new = [f for f in mutated if not any(matches(f, e) for e in asis)]
    assert len(new) == 1 and matches(new[0], expect), \
        "mutated, expected one new %s finding on '%s', got:\n%s" % (
            expect["family"], expect["resource"], describe(mutated))
    msg = new[0][3]
    assert "in %s()" % expect["acquired_in"] in msg, msg
    assert re.search(r"; add \S.*\) to \w+\(\)", msg), msg
    assert any("is the remove path" in n[2] for n in notes), notes


def test_every_family_has_real_drivers():
    seen = {}
    for d in DRIVERS:
        seen[d["expect"]["family"]] = seen.get(d["expect"]["family"], 0) + 1
    for family in ("mmio", "irq", "dma", "timer", "hrtimer", "work",
                   "workqueue", "tasklet", "kthread"):
        assert seen.get(family, 0) >= 2, family
    assert len({d["path"].split("/")[1] for d in DRIVERS}) >= 8
