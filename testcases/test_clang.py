"""The Clang front end (issue 8) against the GCC one, and its own errors.

The snippets and the real-kernel tier run through both front ends in their
own modules (test_snippets.py, test_real_*.py, test_kbuild.py,
test_tree.py).  Here:

- a whole driver directory in tree mode, once against the gcc build and
  once against the LLVM=-14 build: the same findings, message for message
  and fingerprint for fingerprint, and the same per-file statistics;
- every real driver of the real-kernel tiers checked by both front ends:
  the same findings and notes, where those tiers only look at the
  expected ones;
- kbuild mode picks the front end from the compiler and --frontend forces
  one;
- bad input to the Clang plugin is one line naming the place.
"""
import json
import os
import re
import subprocess

import pytest

from conftest import (CHECKER, LLVM, REPO, kbuild_check_argv, parse_output,
                      run_checker)
from real_drivers import DRIVERS
from real_error_drivers import ERROR_DRIVERS
from real_order_drivers import MODULE_CASES, ORDER_DRIVERS

CLANG_PLUGIN = os.path.join(REPO, "plugin", "teardown_check_clang.so")
SNIPPET = os.path.join(REPO, "testcases", "snippets",
                       "dma-map-single-missing.c")
COMPARED = "drivers/input/misc"


def tree_scan(kernel, directory):
    r = subprocess.run([CHECKER, "--build", kernel.build,
                        "-j%d" % os.cpu_count(), "--format", "json",
                        directory], cwd=kernel.src, capture_output=True,
                       text=True, env=kernel.env(), timeout=3000)
    assert r.returncode in (0, 1), r.stderr[-3000:]
    assert "the checker failed on it" not in r.stderr, r.stderr[-3000:]
    return json.loads(r.stdout), r.stderr


@pytest.mark.kernel
def test_front_ends_agree_on_a_directory(gcc_kernel, clang_kernel):
    gcc, gcc_err = tree_scan(gcc_kernel, COMPARED)
    clang, clang_err = tree_scan(clang_kernel, COMPARED)
    assert "(gcc front end)" in gcc_err and "(clang front end)" in clang_err

    def said(doc):
        return {(f["file"], f["line"], f["tag"], f["message"],
                 f["fingerprint"]) for f in doc["findings"]}
    assert said(gcc), "no findings to compare"
    assert said(gcc) == said(clang), \
        "gcc only: %s\nclang only: %s" % (sorted(said(gcc) - said(clang)),
                                          sorted(said(clang) - said(gcc)))
    # the same drivers seen: "N files (... front end), M drivers"
    drivers = [re.search(r", (\d+) drivers", e).group(1)
               for e in (gcc_err, clang_err)]
    assert drivers[0] == drivers[1] and int(drivers[0]) >= 20, drivers


def check_snippet(kernel, tmp_path, *options):
    """kbuild mode on one snippet, with the flags the build would give."""
    obj = tmp_path / "snip.o"
    src = tmp_path / "snip.c"
    src.write_text(open(SNIPPET).read())
    (tmp_path / "Kbuild").write_text("obj-m := snip.o\n")
    r = kernel.make("M=%s" % tmp_path, "C=2",
                    "CHECK=%s --stats %s" % (CHECKER, " ".join(options)),
                    "snip.o", timeout=600)
    assert obj.exists(), r.stderr[-3000:]
    return r.stderr


@pytest.mark.kernel
def test_kbuild_picks_clang_for_llvm_builds(clang_kernel, tmp_path):
    err = check_snippet(clang_kernel, tmp_path)
    findings, _, stats = parse_output(err)
    assert [f[2] for f in findings] == ["teardown-dma"], err[-3000:]
    assert stats["drivers"] == 1
    # clang's own summary line: the finding was a clang warning
    assert "1 warning generated." in err, err[-3000:]


@pytest.mark.kernel
def test_front_end_from_the_argv_and_forced(clang_kernel):
    """With no CC to go by, clang's flags (--target=, -mllvm) pick the Clang
    plugin; --frontend=gcc forces gcc, which rejects those flags."""
    argv = kbuild_check_argv(clang_kernel, DRIVERS[0]["obj"])[1:]
    assert not argv[0].startswith("--cc=")
    env = {k: v for k, v in os.environ.items()
           if k not in ("CC", "TEARDOWN_CC")}
    env["LLVM"] = LLVM      # which clang: clang-14, as kbuild would name it
    auto = subprocess.run([CHECKER, "--stats"] + argv, cwd=clang_kernel.build,
                          capture_output=True, text=True, env=env)
    assert auto.returncode == 0, auto.stderr[-3000:]
    assert parse_output(auto.stderr)[2].get("drivers", 0) >= 1, auto.stderr
    forced = subprocess.run([CHECKER, "--frontend=gcc"] + argv,
                            cwd=clang_kernel.build, capture_output=True,
                            text=True, env=env)
    assert forced.returncode == 2, forced.stderr[-3000:]
    assert re.search(r"teardown-check: \S+: gcc failed \(exit \d+\); file "
                     r"not checked", forced.stderr), forced.stderr[-3000:]


def test_unknown_front_end_is_refused(tmp_path):
    src = tmp_path / "x.c"
    src.write_text("int x;\n")
    r = subprocess.run([CHECKER, "--frontend=icc", "-O2", str(src)],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.strip() == \
        "teardown-check: unknown front end 'icc' (gcc or clang)", r.stderr


REAL_OBJECTS = sorted({d["obj"] for d in DRIVERS + ERROR_DRIVERS +
                       ORDER_DRIVERS + MODULE_CASES})


@pytest.mark.kernel
@pytest.mark.parametrize("obj", REAL_OBJECTS)
def test_front_ends_agree_on_real_driver(gcc_kernel, clang_kernel, obj):
    """Everything either front end says about the file, not only what the
    real-kernel tiers expect: goldfish.c's keys differed that way.  The
    statistics of the error-path walk may differ (docs/clang.md)."""
    said = []
    for kernel in (gcc_kernel, clang_kernel):
        rc, found, notes, _, err = run_checker(kbuild_check_argv(kernel, obj),
                                               kernel.build)
        assert rc == 0, err[-3000:]
        said.append((sorted(found), sorted(notes)))
    gcc, clang = said
    assert gcc == clang, "gcc only:\n%s\nclang only:\n%s" % (
        "\n".join(map(str, sorted(set(gcc[0] + gcc[1]) -
                                   set(clang[0] + clang[1])))),
        "\n".join(map(str, sorted(set(clang[0] + clang[1]) -
                                   set(gcc[0] + gcc[1])))))


def clang_check(tmp_path, *plugin_args):
    src = tmp_path / "x.c"
    src.write_text("int x;\n")
    argv = ["clang" + LLVM, "-fsyntax-only", "-fplugin=" + CLANG_PLUGIN]
    argv += ["-fplugin-arg-teardown_check-" + a for a in plugin_args]
    return subprocess.run(argv + [str(src)], capture_output=True, text=True)


def test_clang_plugin_bad_rules_is_one_line(tmp_path):
    rules = tmp_path / "bad.rules"
    rules.write_text("family mmio tag=teardown-mmio\nacquire nosuch 1\n")
    r = clang_check(tmp_path, "rules=%s" % rules)
    assert r.returncode != 0
    errors = [l for l in r.stderr.splitlines() if "error:" in l]
    assert len(errors) == 1 and "teardown-check: %s:" % rules in errors[0], \
        r.stderr


def test_clang_plugin_unknown_option_is_named(tmp_path):
    r = clang_check(tmp_path, "frobnicate")
    assert r.returncode != 0
    assert "unknown option '-fplugin-arg-teardown_check-frobnicate'" in \
        r.stderr, r.stderr


def test_clang_plugin_survives_its_own_fault(tmp_path):
    """A fault in the plugin ends the check of the file with one line."""
    r = clang_check(tmp_path, "selftest-fault")
    assert "teardown-check: internal error (signal 11); file not checked" \
        in r.stderr, r.stderr
    assert "PLEASE submit a bug report" not in r.stderr, r.stderr
