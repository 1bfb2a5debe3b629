"""The linker (issue 22): drivers split over files, checked as a maintainer
would: make C=2 keeps each file's facts in a database, then
teardown-check --link judges each driver with the files its code reaches.

testcases/link/*/ are the cases (README.md there): a two-file driver
whose work is set up in the other file and never cancelled, and its
twin whose other file tears it down; probe, remove and the driver object
in three files; a library module's exported start/stop pair; a static
function of the same name in two files; a teardown helper whose file is
not built.  All are built as one external module directory in a single
kbuild run per kernel build, as the snippets are; the --link report must
hold exactly the findings the cases' markers expect, the files alone
(make C=2's own output) none of them, and the link summary the counts
the expect-link markers add up to.
"""
import collections
import glob
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import CHECKER, DIAG, KERNEL_BUILDS, TAG, TESTCASES
from test_snippets import EXPECT

LINK = os.path.join(TESTCASES, "link")
CASES = sorted(os.path.basename(os.path.dirname(p))
               for p in glob.glob(os.path.join(LINK, "*", "Kbuild")))
EXPECT_LINK = re.compile(r"expect-link:\s*((?:\s*[a-z_]+=\d+)+)")
ALONE = re.compile(r"/\*\s*alone:\s*(teardown-[a-z-]+)")
LINKED = re.compile(r"linked: (\d+) files judged with (\d+) other files "
                    r".*?; (\d+) calls into code with no facts")
HANDED = re.compile(r"(\d+) resources handed to other code")


def case_objects(case):
    """The objects a case's Kbuild builds: each obj-m's own, or the parts
    its NAME-y line lists."""
    modules, parts = [], {}
    with open(os.path.join(LINK, case, "Kbuild")) as f:
        for line in f:
            line = line.split("#", 1)[0]
            m = re.match(r"\s*obj-m\s*\+=\s*(.*)", line)
            if m:
                modules += m.group(1).split()
            m = re.match(r"\s*([a-z_]+)-y\s*:=\s*(.*)", line)
            if m:
                parts[m.group(1) + ".o"] = m.group(2).split()
    return [case + "/" + o for mod in modules for o in parts.get(mod, [mod])]


def expectations():
    """{(file, line, tag)}, the summed expect-link counts, and the
    findings the files alone may give."""
    want, alone, counts = set(), set(), collections.Counter()
    for case in CASES:
        for path in sorted(glob.glob(os.path.join(LINK, case, "*.c"))):
            rel = case + "/" + os.path.basename(path)
            with open(path) as f:
                for n, text in enumerate(f, 1):
                    for m in EXPECT.finditer(text):
                        want.add((rel, n, m.group(2)))
                    for m in ALONE.finditer(text):
                        alone.add((rel, n, m.group(1)))
                    for m in EXPECT_LINK.finditer(text):
                        for kv in m.group(1).split():
                            k, v = kv.split("=")
                            counts[k] += int(v)
    return want, alone, counts


def findings(text, work):
    """{(case/file, line, tag)} of gcc-style warnings in text."""
    out = set()
    for line in text.splitlines():
        m = DIAG.match(line)
        if m and m.group("kind") == "warning" and TAG.search(m.group("msg")):
            path = os.path.relpath(os.path.join(work, m.group("file")), work)
            out.add((path, int(m.group("line")),
                     TAG.search(m.group("msg")).group(1)))
    return out


def build_cases(kernel, work):
    """Every case, as subdirectories of one external module directory,
    checked with make C=2 into one database; then --link."""
    objs = []
    for case in CASES:
        shutil.copytree(os.path.join(LINK, case), os.path.join(work, case))
        objs += case_objects(case)
    with open(os.path.join(work, "Kbuild"), "w") as f:
        for case in CASES:
            f.write("obj-m += %s/\n" % case)
    db = os.path.join(work, "facts.db")
    r = kernel.make("M=" + work, "C=2", "CHECK=" + CHECKER,
                    "CF=--db=" + db, "-j2", "-k", *objs, timeout=900)
    # what only linking finds is of low confidence (docs/precision.md)
    link = subprocess.run([CHECKER, "--link", "--confidence", "low",
                           "--root", work, db],
                          capture_output=True, text=True, timeout=300)
    only = subprocess.run([CHECKER, "--link", "--linked-only",
                           "--confidence", "low", "--root", work, db],
                          capture_output=True, text=True, timeout=300)
    default = subprocess.run([CHECKER, "--link", "--format", "json",
                              "--confidence", "medium", "--root", work, db],
                             capture_output=True, text=True, timeout=300)
    return dict(work=work, make=r, link=link, only=only, default=default,
                objs=objs)


@pytest.fixture(scope="module", params=KERNEL_BUILDS)
def link_run(request, tmp_path_factory):
    fixture = {"gcc-7.3": "gcc73"}.get(request.param,
                                       request.param) + "_kernel"
    kernel = request.getfixturevalue(fixture)
    return build_cases(kernel, str(tmp_path_factory.mktemp("link")))


def test_cases_build(link_run):
    for obj in link_run["objs"]:
        assert os.path.exists(os.path.join(link_run["work"], obj)), \
            link_run["make"].stderr[-3000:]
    assert "file not checked" not in link_run["make"].stderr
    assert "facts not kept" not in link_run["make"].stderr


def test_linked_findings(link_run):
    want, _, _ = expectations()
    got = findings(link_run["link"].stdout, link_run["work"])
    assert link_run["link"].returncode == (1 if want else 0), \
        link_run["link"].stderr
    assert got == want, "linked report:\n" + link_run["link"].stdout


def test_files_alone_miss_them(link_run):
    """Each expected finding needs linking: make C=2 on the files alone
    does not give it (unless the case says so), and --linked-only lists
    it."""
    want, alone, _ = expectations()
    got = findings(link_run["make"].stderr, link_run["work"])
    assert got & want <= alone, link_run["make"].stderr[-3000:]
    only = findings(link_run["only"].stdout, link_run["work"])
    assert only == want - alone, link_run["only"].stdout


def test_linked_findings_are_low_confidence(link_run):
    """At the default confidence the findings only linking gives are
    counted, not shown."""
    want, alone, _ = expectations()
    r = link_run["default"]
    shown = {(os.path.relpath(os.path.join(link_run["work"], f["file"]),
                              link_run["work"]), f["line"], f["tag"])
             for f in json.loads(r.stdout)["findings"]}
    assert not shown & (want - alone), r.stdout
    m = re.search(r"(\d+) findings of less than medium confidence", r.stderr)
    assert m and int(m.group(1)) >= len(want - alone), r.stderr


def test_link_counts(link_run):
    _, _, counts = expectations()
    err = link_run["link"].stderr
    m = LINKED.search(err)
    assert m, err
    got = {"judged": int(m.group(1)), "linked": int(m.group(2)),
           "no_facts": int(m.group(3))}
    h = HANDED.search(err)
    got["handed_off"] = int(h.group(1)) if h else 0
    for key in ("judged", "linked", "no_facts", "handed_off"):
        assert got[key] == counts[key], (key, err)


def test_every_case_has_expectations():
    """A case without any marker would assert nothing."""
    for case in CASES:
        text = "".join(open(p).read() for p in
                       glob.glob(os.path.join(LINK, case, "*.c")))
        assert EXPECT_LINK.search(text), case
        assert len(glob.glob(os.path.join(LINK, case, "*.c"))) >= 2, case
