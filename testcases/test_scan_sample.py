"""The labelled sample of the whole-subsystem scan, kept as regression tests.

bench/subsystem-scan.sh runs tree mode over ten directories of Linux 6.12
(docs/precision.md).  A sample of its findings was read against the code
and labelled in testcases/scan-sample.txt:

- true: a real bug (or one by the contract); it must stay reported;
- false: a false finding whose cause was fixed; it must not come back;
- false-known: a false finding not fixed yet, for the reason given; it is
  still reported, and this test fails when that changes, so that the label
  is revisited.

Every file of the sample is checked in one tree-mode run with the
prepared build (each file's real kbuild flags).
"""
import json
import os
import re
import subprocess

import pytest

from conftest import CHECKER, TESTCASES

pytestmark = pytest.mark.kernel

SAMPLE = os.path.join(TESTCASES, "scan-sample.txt")


def sample():
    entries = []
    with open(SAMPLE) as f:
        for n, line in enumerate(f, 1):
            line = line.split("#")[0].strip()
            if line:
                where, tag, resource, label = line.split()
                assert label in ("true", "false", "false-known"), \
                    "%s:%d: label %r" % (SAMPLE, n, label)
                entries.append((where, tag, resource, label))
    return entries


def test_sample_is_big_enough():
    # it only grows: every finding of four directories, and a random
    # sample of 24 of the other six (docs/precision.md)
    entries = sample()
    assert len(entries) >= 53, len(entries)
    assert len({e[0].split("/")[1] for e in entries}) >= 4
    assert len(set(entries)) == len(entries)


@pytest.fixture(scope="module")
def reported(kernel):
    files = sorted({e[0].split(":")[0] for e in sample()})
    r = subprocess.run([CHECKER, "--build", kernel.build,
                        "-j%d" % os.cpu_count(), "--format", "json"] + files,
                       cwd=kernel.src, capture_output=True, text=True,
                       timeout=3600)
    assert r.returncode in (0, 1), r.stderr[-3000:]
    got = set()
    for f in json.loads(r.stdout)["findings"]:
        m = re.search(r"'([^']+)'", f["message"])
        got.add(("%s:%d" % (f["file"], f["line"]), f["tag"],
                 m.group(1) if m else ""))
    return got


@pytest.mark.parametrize("entry", sample(), ids=lambda e: " ".join(e[:3]))
def test_labelled_finding(reported, entry):
    where, tag, resource, label = entry
    key = (where, tag, resource)
    if label == "false":
        assert key not in reported, "a fixed false finding is back"
    else:
        assert key in reported, "no longer reported: relabel if fixed"
