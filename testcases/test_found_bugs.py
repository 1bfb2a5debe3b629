"""The patches of the found-bugs register (docs/found/), on Linux 7.3:
each applies to the prepared tree, builds with the kernel's own flags and
W=1 with no new warning, and the checker no longer reports the bug it
fixes, nor anything new.  The tree itself is never changed: the patched
file is written beside it (patch -o) and built from there.
"""
import collections
import os
import re
import subprocess

import pytest

from conftest import REPO, kbuild_check_argv, run_checker
from found_bugs import FOUND

FIX_KINDS = ("checker", "corrected", "alternative", "beyond")
DEFAULT_OUTPUT = ("--stats", "--confidence=medium")

pytestmark = pytest.mark.kernel

FOUND_DIR = os.path.join(REPO, "docs", "found")
# What W=1 adds for gcc (scripts/Makefile.warn of 7.3), after kbuild's own
# flags so that it overrides their -Wno-...; -Wno-error since allmodconfig
# builds with -Werror and a W=1 warning the file already had is not ours.
W1 = ["-Wmissing-format-attribute", "-Wmissing-include-dirs",
      "-Wunused-const-variable", "-Wundef", "-DKBUILD_EXTRA_WARN1",
      "-Wunused-but-set-variable", "-Wpacked-not-aligned",
      "-Wformat-overflow", "-Wformat-truncation", "-Wno-error"]


def warnings(kernel, obj, source, tmp_path):
    """The W=1 warnings of one compile, without their line numbers."""
    argv = kbuild_check_argv(kernel, obj, source)
    r = subprocess.run(["gcc"] + argv[:-1] + W1 +
                       ["-c", "-o", str(tmp_path / "out.o"), argv[-1]],
                       cwd=kernel.build, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return collections.Counter(
        re.sub(r"^\S+?:\d+:\d+: ", "", l) for l in r.stderr.splitlines()
        if ": warning: " in l)


def keys(found):
    return {(tag, re.search(r"'([^']+)'", msg).group(1))
            for _, _, tag, msg in found}


def test_register_lists_every_patch():
    patches = sorted(n for n in os.listdir(FOUND_DIR) if n.endswith(".patch"))
    assert patches == sorted(b["patch"] for b in FOUND)
    with open(os.path.join(FOUND_DIR, "README.md")) as f:
        readme = f.read()
    for bug in FOUND:
        assert bug["patch"] in readme, bug["patch"]
        with open(os.path.join(FOUND_DIR, bug["patch"])) as f:
            text = f.read()
        # the kernel's form: a subject with the subsystem, a body, one file
        assert re.search(r"^Subject: \[PATCH\] \S+: ", text, re.M), bug
        assert text.count("\ndiff --git ") == 1, bug
        tags = re.search(r"^Found by teardown-check \(([^)]+)\)\.$", text,
                         re.M)
        assert tags and bug["tag"] in tags.group(1).split(", "), bug
        # its diffstat says what the diff does
        body = text.split("\ndiff --git ", 1)[1].split("\n-- \n")[0]
        lines = body.splitlines()
        added = sum(l.startswith("+") for l in lines) - 1
        removed = sum(l.startswith("-") for l in lines) - 1
        stat = " 1 file changed"
        if added:
            stat += ", %d insertion%s(+)" % (added, "s" * (added != 1))
        if removed:
            stat += ", %d deletion%s(-)" % (removed, "s" * (removed != 1))
        assert "\n%s\n" % stat in text, (bug["patch"], stat)


def test_register_says_how_each_patch_stands_to_the_checkers_fix():
    """A fix the checker got wrong became a regression test of the fix
    generator: a snippet whose expectations hold the corrected text, and
    the finding on the real driver says it (test_found_bug_patch)."""
    with open(os.path.join(FOUND_DIR, "README.md")) as f:
        readme = f.read()
    snippets = os.path.join(REPO, "testcases", "snippets")
    for bug in FOUND:
        assert bug["fix"] in FIX_KINDS, bug["patch"]
        corrected = bug["fix"] == "corrected"
        assert corrected == ("says" in bug), bug["patch"]
        assert not corrected or bug.get("regression"), bug["patch"]
        row = [l for l in readme.splitlines()
               if l.startswith("| [%s]" % bug["patch"][:4])]
        assert len(row) == 1, bug["patch"]
        for name in bug.get("regression", ()):
            with open(os.path.join(snippets, name)) as f:
                # a finding expected, or a count (silent, released)
                assert re.search(r"expect(-stats)?: ", f.read()), name
            assert name in row[0], (bug["patch"], name)


@pytest.mark.parametrize("bug", FOUND, ids=[b["obj"] for b in FOUND])
def test_found_bug_patch(gcc73_kernel, bug, tmp_path):
    kernel = gcc73_kernel
    patch = os.path.join(FOUND_DIR, bug["patch"])
    source = bug["obj"][:-len(".o")] + ".c"
    with open(patch) as f:
        assert re.search(r"^\+\+\+ b/%s$" % re.escape(source), f.read(),
                         re.M), "the patch changes %s only" % source
    patched = str(tmp_path / os.path.basename(source))
    with open(patch) as f:
        r = subprocess.run(["patch", "-p1", "-s", "-d", kernel.src, "-o",
                            patched, source], stdin=f, capture_output=True,
                           text=True)
    assert r.returncode == 0, r.stdout + r.stderr

    original = os.path.join(kernel.src, source)
    before = warnings(kernel, bug["obj"], original, tmp_path)
    after = warnings(kernel, bug["obj"], patched, tmp_path)
    assert not after - before, "new W=1 warnings: %s" % (after - before)

    # each is a real bug: the default output (medium confidence and up)
    # must show it, not only --confidence=low (issue 17)
    _, found, _, _, err = run_checker(
        kbuild_check_argv(kernel, bug["obj"], original), kernel.build,
        extra=DEFAULT_OUTPUT)
    bug_keys = {(bug["tag"], r) for r in bug["resources"]} | \
        set(bug.get("also", ()))
    assert bug_keys <= keys(found), "the bug is not reported: " + err[-2000:]
    if bug["fix"] == "corrected":
        assert [msg for _, _, tag, msg in found if bug["says"] in msg and
                (tag, re.search(r"'([^']+)'", msg).group(1)) in bug_keys], \
            "the fix should say %r: %s" % (bug["says"], err[-2000:])
    rc, fixed, _, _, err = run_checker(
        kbuild_check_argv(kernel, bug["obj"], patched), kernel.build,
        extra=DEFAULT_OUTPUT)
    assert rc == 0, err[-3000:]
    assert not bug_keys & keys(fixed), err[-2000:]
    assert keys(fixed) <= keys(found), "new findings: %s" % (
        keys(fixed) - keys(found))


def summary_table():
    """What docs/precision.md says of the register, from its data."""
    def subsystem(bug):
        return bug["obj"].split("/")[1]
    families = collections.Counter(b["family"] for b in FOUND)
    checks = collections.Counter(b["tag"] for b in FOUND)
    def count(kind, bugs=FOUND):
        return sum(b["fix"] == kind for b in bugs)
    lines = ["%d bugs in %d subsystems and %d families; %d bugs are in "
             "6.12 too.  %d patches are the checker's own fix unchanged; "
             "for %d the checker's fix was wrong or too vague, and the fix "
             "generator was corrected (each a regression test); %d take "
             "another fix as right as the checker's; %d also undo what the "
             "rules do not model." % (
                 len(FOUND), len({subsystem(b) for b in FOUND}),
                 len(families), sum(b["in_6_12"] for b in FOUND),
                 count("checker"), count("corrected"),
                 count("alternative"), count("beyond")),
             "", "| family | bugs | the checker's fix | corrected |",
             "| --- | --- | --- | --- |"]
    for fam, n in sorted(families.items(), key=lambda kv: (-kv[1], kv[0])):
        bugs = [b for b in FOUND if b["family"] == fam]
        lines.append("| %s | %d | %d | %d |" % (
            fam, n, count("checker", bugs), count("corrected", bugs)))
    lines += ["", "| check (shape) | bugs |", "| --- | --- |"]
    for tag, n in sorted(checks.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append("| %s | %d |" % (tag, n))
    return "\n".join(lines) + "\n"


def test_precision_doc_summarises_the_register():
    with open(os.path.join(REPO, "docs", "precision.md")) as f:
        doc = f.read()
    assert summary_table() in doc, "docs/precision.md should say:\n" + \
        summary_table()
