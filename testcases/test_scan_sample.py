"""The labelled samples of whole-directory scans, kept as regression tests.

Round 1 (testcases/scan-sample.txt): bench/subsystem-scan.sh over ten
directories of Linux 6.12.  Later rounds (testcases/precision/round-N.txt,
issue 17): a seeded random sample of the findings on directories nobody
here had read, on the kernel the file names.  Each finding was read
against the code and labelled (docs/precision.md):

- true: a real bug; contract: one by the contract only (a window that
  needs a source to fire at unbind); both must stay reported;
- false: a false finding whose cause was fixed; it must not come back;
- false-known: a false finding not fixed yet, for the reason given; it is
  still reported, and this test fails when that changes, so that the label
  is revisited.

A round's entry may add whether the fix the finding offered was right
(right, wrong, none).  Every file of a round is checked in one tree-mode
run with the prepared build (each file's real kbuild flags), at every
confidence (conftest.py); bench/precision.sh measures the default.
"""
import glob
import json
import os
import re
import subprocess

import pytest

from conftest import CHECKER, TESTCASES

pytestmark = pytest.mark.kernel

ROUNDS = [os.path.join(TESTCASES, "scan-sample.txt")] + sorted(
    glob.glob(os.path.join(TESTCASES, "precision", "round-*.txt")))
LABELS = ("true", "contract", "false", "false-known")
FIXES = ("right", "wrong", "none")


def header(path, name, default=None):
    with open(path) as f:
        for line in f:
            m = re.match(r"# %s: *(.*)$" % name, line)
            if m:
                return m.group(1).strip()
    return default


def sample(path):
    entries = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.split("#")[0].strip()
            if not line:
                continue
            words = line.split()
            assert len(words) in (4, 5), "%s:%d: %r" % (path, n, line)
            assert words[3] in LABELS, "%s:%d: label %r" % (path, n,
                                                            words[3])
            assert len(words) == 4 or words[4] in FIXES, \
                "%s:%d: fix %r" % (path, n, words[4])
            entries.append(tuple(words[:4]))
    return entries


def round_id(path):
    return os.path.basename(path).replace(".txt", "")


def test_samples_are_big_enough():
    # round 1: every finding of four directories and 24 drawn from six;
    # later rounds: at least 60 (issue 17), or every finding of fresh
    # directories that gave fewer, saying so ("# small: why"), which
    # then does not count towards the sample
    for path in ROUNDS:
        entries = sample(path)
        assert len(set(entries)) == len(entries), path
        if path.endswith("scan-sample.txt"):
            assert len(entries) >= 53, len(entries)
            continue
        assert len(entries) >= (30 if header(path, "small") else 60), \
            (path, len(entries))
        for name in ("round", "kernel", "seed", "directories", "checker"):
            assert header(path, name), "%s: no '# %s:' line" % (path, name)
        dirs = header(path, "directories").split()
        for where, _, _, _ in entries:
            assert any(where.startswith(d + "/") for d in dirs), where


@pytest.fixture(scope="module", params=ROUNDS, ids=round_id)
def reported(request):
    path = request.param
    version = header(path, "kernel", "6.12")
    kernel = request.getfixturevalue(
        "gcc_kernel" if version == "6.12" else "gcc73_kernel")
    files = sorted({e[0].split(":")[0] for e in sample(path)})
    r = subprocess.run([CHECKER, "--build", kernel.build,
                        "-j%d" % os.cpu_count(), "--format", "json"] + files,
                       cwd=kernel.src, capture_output=True, text=True,
                       timeout=3600)
    assert r.returncode in (0, 1), r.stderr[-3000:]
    got = set()
    for f in json.loads(r.stdout)["findings"]:
        m = re.search(r"'([^']+)'", f["message"])
        # a name with blanks ("(dm + ...)->work") is written without them
        got.add(("%s:%d" % (f["file"], f["line"]), f["tag"],
                 re.sub(r"\s", "", m.group(1)) if m else ""))
    return path, got


def test_labelled_findings(reported):
    path, got = reported
    wrong = []
    for where, tag, resource, label in sample(path):
        key = (where, tag, resource)
        if label == "false" and key in got:
            wrong.append("a fixed false finding is back: %s" % " ".join(key))
        elif label != "false" and key not in got:
            wrong.append("no longer reported (relabel if fixed): %s" %
                         " ".join(key))
    assert not wrong, "\n".join(wrong)
