"""kbuild mode on the real tree, the way maintainers run checkers:

    make O=build C=2 CHECK=teardown-check drivers/input/misc/

over whole driver directories.  This is also the crash test: every .c file
of each directory goes through the plugin; an internal compiler error or a
file the checker could not check fails it.  The findings are compared with
the reviewed list in testcases/kernel-findings/<dir>.txt, both ways, on
Linux 6.12 with each front end and on Linux 7.3 with gcc.
"""
import os
import re

import pytest

from conftest import (CHECKER, KERNEL_BUILDS, KERNEL_VERSIONS, TESTCASES,
                      kernel_per_front_end, parse_output)

pytestmark = pytest.mark.kernel

# The real-kernel tier runs once per compiler front end (issue 8) and
# once per kernel (issue 18).
kernel = pytest.fixture(scope="module",
                        params=KERNEL_BUILDS)(kernel_per_front_end)

DIRECTORIES = ["drivers/input/misc", "drivers/spi", "drivers/rtc",
               "drivers/watchdog"]


def expected_findings(directory, version):
    """The reviewed findings of a directory on Linux 'version': each line
    is FILE TAG RESOURCE, and a line that holds on some kernels only (a
    bug fixed since, a driver added or removed) ends in kernels=V[,V],
    with its comment saying why."""
    path = os.path.join(TESTCASES, "kernel-findings",
                        directory.replace("/", "_") + ".txt")
    expected = set()
    with open(path) as f:
        for number, line in enumerate(f, 1):
            fields = line.split("#")[0].split()
            if not fields:
                continue
            kernels = KERNEL_VERSIONS
            if fields[-1].startswith("kernels="):
                kernels = fields.pop()[len("kernels="):].split(",")
            assert len(fields) == 3 and set(kernels) <= set(KERNEL_VERSIONS), \
                "%s:%d: FILE TAG RESOURCE [kernels=V,...]" % (path, number)
            if version in kernels:
                expected.add(tuple(fields))
    return expected


def finding_key(finding):
    file, _, tag, msg = finding
    resource = re.search(r"'([^']+)'", msg).group(1)
    return (os.path.normpath(file).split("../")[-1].lstrip("./"), tag,
            resource)


@pytest.fixture(scope="module", params=DIRECTORIES)
def directory_run(request, kernel):
    directory = request.param
    r = kernel.make("-k", "-j%d" % os.cpu_count(), "C=2",
                    "CHECK=" + CHECKER, "CF=--stats", directory + "/",
                    timeout=3000)
    return directory, r


def test_whole_directory_checks_clean(kernel, directory_run):
    directory, r = directory_run
    out = r.stdout + r.stderr
    assert "internal compiler error" not in out, out[-5000:]
    assert "file not checked" not in out, out[-5000:]
    assert r.returncode == 0, out[-5000:]
    _, _, stats = parse_output(out)
    checked = {os.path.basename(l.split(":")[0]) for l in out.splitlines()
               if "teardown-check: stats:" in l}
    # every object built from a .c of the directory was checked
    built = set()
    for root, _, files in os.walk(os.path.join(kernel.build, directory)):
        for f in files:
            src = os.path.join(kernel.src, os.path.relpath(root, kernel.build),
                               f[:-2] + ".c")
            if f.endswith(".o") and os.path.exists(src):
                built.add(f[:-2] + ".c")
    assert len(built) >= 50, sorted(built)
    assert built <= checked, sorted(built - checked)
    assert stats["drivers"] >= 40, stats


def test_whole_directory_findings(kernel, directory_run):
    directory, r = directory_run
    found, _, _ = parse_output(r.stdout + r.stderr)
    actual = {finding_key(f) for f in found}
    expected = expected_findings(directory, kernel.version)
    assert actual == expected, \
        "new: %s\nmissing: %s" % (sorted(actual - expected),
                                  sorted(expected - actual))
