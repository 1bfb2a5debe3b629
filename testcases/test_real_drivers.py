"""Real-kernel tier: real drivers as they are, and with one teardown call
of their remove path deleted (testcases/real_drivers.py says which), on
Linux 6.12 (both front ends) and 7.3 (testcases/kernel_versions.py).

As they are, they must give exactly the findings listed in 'asis' (real
bugs, each explained there); mutated, exactly one finding more: the
resource whose release was deleted, of the expected family, acquired where
expected.
"""
import os
import re
import tempfile

import pytest

from conftest import (KERNEL_BUILDS, KERNEL_VERSIONS, kernel_per_front_end,
                      REMOVE_PATH_ONLY, RULES, emptied, kbuild_check_argv,
                      mutated_source, one_line, run_checker)
from kernel_versions import at_version, for_kernel, override_problems
from real_drivers import DRIVERS, FIX_TEXTS

pytestmark = pytest.mark.kernel

# The real-kernel tier runs once per compiler front end (issue 8), and on
# Linux 7.3 (issue 18).
kernel = pytest.fixture(scope="module",
                        params=KERNEL_BUILDS)(kernel_per_front_end)


def family_rules():
    """{family: (tag, noun)} from the rules."""
    families = {}
    with open(RULES) as f:
        for line in f:
            m = re.match(r'family\s+(\S+)\s+tag=(\S+)\s+noun=("[^"]*"|\S+)',
                         line)
            if m:
                families[m.group(1)] = (m.group(2), m.group(3).strip('"'))
    return families


FAMILIES = family_rules()
TAGS = {family: tag for family, (tag, _) in FAMILIES.items()}


def matches(finding, expect):
    """A finding on expect's resource with its tag; a remove-path finding
    of the family's own tag also names the family (delayed work is not
    work, a DMA pool not a DMA buffer)."""
    _, _, tag, msg = finding
    if "tag" in expect:
        return tag == expect["tag"] and "'%s'" % expect["resource"] in msg
    family_tag, noun = FAMILIES[expect["family"]]
    return tag == family_tag and \
        msg.startswith("%s '%s' " % (noun, expect["resource"]))


def mutate(kernel, driver, tmpdir):
    def edit(lines, path):
        i = one_line(lines, driver["delete"], path, driver.get("after"))
        lines[i] = emptied(lines[i])
    return mutated_source(kernel, driver["path"], tmpdir, edit)


def describe(findings):
    return "\n".join("  %d: %s" % (f[1], f[3]) for f in findings) or "  none"


def driver_id(driver):
    return "%s:%s" % (driver["path"], driver["expect"]["family"])


@pytest.mark.parametrize("driver", DRIVERS, ids=map(driver_id, DRIVERS))
def test_real_driver(kernel, driver):
    driver = for_kernel(driver, kernel)
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


# The families of the issue 18 done-when: a deleted release of each is found
# in real drivers of every kernel checked.
MUTATED_FAMILIES = ("timer", "dwork", "work", "workqueue", "hrtimer",
                    "kworker", "tasklet", "irq", "mmio", "dma", "dmapool")


# Families with no mutated real driver yet, each with why; the test fails
# when one gets a driver, so that the gap is closed here too.
NO_REAL_DRIVER_YET = {
    "kworker": "the drivers of both kernels that create a kthread worker "
               "in probe and destroy it in remove (mv88e6xxx chip.c, "
               "wave5-vpu.c) hand their state to functions of another "
               "file (DSA, the wave5 encoder/decoder files), so with the "
               "destroy deleted the checker counts the worker as handed "
               "off and stays silent (cross-file facts, issue 22); the "
               "others destroy it in a devm action (cros_ec_spi, "
               "zl3073x) or are not built on x86 (cppc_cpufreq).  The "
               "error-path tier deletes wave5's destroy on 7.3",
}


@pytest.mark.parametrize("version", KERNEL_VERSIONS)
def test_every_family_has_real_drivers(version):
    drivers = [d for d in (at_version(d, version) for d in DRIVERS) if d]
    seen = {}
    for d in drivers:
        seen[d["expect"]["family"]] = seen.get(d["expect"]["family"], 0) + 1
    missing = [f for f in MUTATED_FAMILIES if not seen.get(f)]
    assert missing == sorted(NO_REAL_DRIVER_YET), \
        "real drivers of %s mutate no %s (known gaps: %s)" % (
            version, missing, NO_REAL_DRIVER_YET)
    assert set(seen) <= set(MUTATED_FAMILIES) | {"kthread"}, seen
    # the families that have had real drivers since 6.12 keep two each
    for family in ("mmio", "irq", "timer", "hrtimer", "work", "tasklet",
                   "kthread"):
        assert seen.get(family, 0) >= 2, (version, family)
    assert len({d["path"].split("/")[1] for d in drivers}) >= 8


def test_version_overrides_are_explained():
    """Every per-version entry of the three real-driver lists says why."""
    from real_error_drivers import (ERROR_DRIVERS, ORDER_SWAPS,
                                    REAL_ERROR_BUGS, SILENT_DRIVERS)
    from real_order_drivers import MODULE_CASES, ORDER_DRIVERS
    problems = override_problems(DRIVERS, ("asis", "after"))
    problems += override_problems(ORDER_DRIVERS + MODULE_CASES,
                                  ("asis", "silent", "after"))
    problems += override_problems(ERROR_DRIVERS + ORDER_SWAPS +
                                  SILENT_DRIVERS + REAL_ERROR_BUGS,
                                  ("asis", "silent", "after", "fixed"))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("entry", FIX_TEXTS,
                         ids=[e["path"] for e in FIX_TEXTS])
def test_fix_text(kernel, entry):
    entry = for_kernel(entry, kernel)
    rc, found, _, _, err = run_checker(
        kbuild_check_argv(kernel, entry["obj"]) +
        ["-fdiagnostics-parseable-fixits"], kernel.build)
    assert rc == 0, err[-3000:]
    hits = [f for f in found if f[2] == entry["tag"] and
            "'%s'" % entry["resource"] in f[3]]
    assert len(hits) == 1, describe(found)
    assert entry["text"] in hits[0][3], hits[0][3]
    if "fix_before" not in entry:
        return
    with open(os.path.join(kernel.src, entry["path"])) as f:
        lines = f.read().split("\n")
    want = [one_line(lines, entry["fix_before"], entry["path"],
                     after=entry["after"]) + 1]
    at = [int(m.group(1)) for m in re.finditer(
        r'^fix-it:"[^"]*":\{(\d+):1-\d+:1\}:"\\t\w+\(&%s\);' %
        re.escape(entry["resource"]), err, re.M)]
    assert at == [want[0]], (at, want, err[-2000:])
