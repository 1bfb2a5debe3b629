"""The Coccinelle half: cocci/*.cocci, generated from rules/ by
cocci/gen-cocci, run with spatch the way coccicheck runs them.

- The committed semantic patches are what the generator writes now.
- report mode on every snippet reports exactly the asynchronous stops the
  plugin reports (the snippets' teardown-async expectations), nowhere else.
- patch mode turns each of them into the synchronous fence: the patched
  snippet still builds, and the plugin no longer warns about it.
"""
import os
import re
import shutil
import subprocess

import pytest

from conftest import CHECKER, REPO, RULES, TESTCASES, parse_output

COCCI = os.path.join(REPO, "cocci")
ASYNC = os.path.join(COCCI, "teardown_async.cocci")
SNIPPETS = os.path.join(TESTCASES, "snippets")
EXPECT_ASYNC = re.compile(r'expect:\s*teardown-async\b')
MACROS = os.path.join(COCCI, "macros.h")
SPATCH = ["spatch", "--no-includes", "--include-headers", "--very-quiet",
          "--macro-file", MACROS]


def async_expectations():
    """{snippet: set of lines} where the plugin reports teardown-async."""
    found = {}
    for name in sorted(os.listdir(SNIPPETS)):
        if not name.endswith(".c"):
            continue
        with open(os.path.join(SNIPPETS, name)) as f:
            for n, line in enumerate(f, 1):
                if EXPECT_ASYNC.search(line):
                    found.setdefault(name, set()).add(n)
    return found


def test_generated_patches_are_current(tmp_path):
    subprocess.run([os.path.join(COCCI, "gen-cocci"), RULES, str(tmp_path)],
                   check=True)
    with open(ASYNC) as f, open(tmp_path / "teardown_async.cocci") as g:
        assert f.read() == g.read(), \
            "cocci/teardown_async.cocci is stale: run make"


def test_coccicheck_conventions():
    with open(ASYNC) as f:
        text = f.read()
    for needed in ("///", "// Confidence:", "// Options:", "// Requires:",
                   "virtual patch", "virtual context", "virtual org",
                   "virtual report"):
        assert needed in text, needed


def test_async_report_matches_plugin(tmp_path):
    work = tmp_path / "snippets"
    shutil.copytree(SNIPPETS, work)
    r = subprocess.run(SPATCH + ["--sp-file", ASYNC, "-D", "report",
                                 "--dir", str(work), "-j", "2"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    reported = {}
    for line in r.stdout.splitlines():
        m = re.match(r"(\S+?\.c):(\d+):\d+-\d+: (.*)$", line)
        if m:
            reported.setdefault(os.path.basename(m.group(1)), set()).add(
                int(m.group(2)))
    expected = async_expectations()
    assert expected, "no teardown-async snippet"
    assert reported == expected, (reported, expected)
    assert "use timer_delete_sync()" in r.stdout, r.stdout


def test_macro_file_keeps_scoped_guard_functions(tmp_path):
    """Without cocci/macros.h spatch drops remove() for its scoped_guard()."""
    name = "timer-async-scoped-guard.c"
    shutil.copy(os.path.join(SNIPPETS, name), tmp_path)
    plain = [a for a in SPATCH if a not in ("--macro-file", MACROS)]
    outputs = []
    for argv in (plain, SPATCH):
        r = subprocess.run(argv + ["--sp-file", ASYNC, "-D", "report",
                                   str(tmp_path / name)],
                           capture_output=True, text=True, timeout=300)
        outputs.append(r.stdout)
    assert "del_timer()" not in outputs[0], outputs[0]
    assert "del_timer() in snip_remove()" in outputs[1], outputs[1]


@pytest.mark.kernel
def test_async_patch_builds_and_is_clean(kernel, tmp_path):
    names = sorted(async_expectations())
    for name in names:
        shutil.copy(os.path.join(SNIPPETS, name), tmp_path)
        r = subprocess.run(SPATCH + ["--sp-file", ASYNC, "-D", "patch",
                                     "--in-place", str(tmp_path / name)],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr[-2000:]
    with open(tmp_path / "Kbuild", "w") as f:
        for name in names:
            f.write("obj-m += %s.o\n" % name[:-2])
    r = kernel.make("M=" + str(tmp_path), "C=2", "CHECK=" + CHECKER, "-j2",
                    *[n[:-2] + ".o" for n in names], timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    found, _, _ = parse_output(r.stderr)
    assert not [f for f in found if f[2] == "teardown-async"], found
    for name in names:
        assert (tmp_path / (name[:-2] + ".o")).exists(), name
