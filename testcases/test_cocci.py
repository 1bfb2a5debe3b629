"""The Coccinelle half: cocci/*.cocci, generated from rules/ by
cocci/gen-cocci, run with spatch the way coccicheck runs them.

- The committed semantic patches are what the generator writes now.
- teardown_async.cocci: report mode on every snippet reports exactly the
  asynchronous stops the plugin reports (the snippets' teardown-async
  expectations), nowhere else; patch mode turns each into the synchronous
  fence, the patched snippet still builds and the plugin no longer warns.
- teardown_release.cocci: report mode on every snippet reports exactly the
  missing releases the plugin reports, with the plugin's text, apart from
  the differences listed in COCCI_CANNOT (docs/coccinelle.md); context
  and org mode mark the same lines; patch mode adds releases and fences
  that build and leave the plugin silent.
"""
import os
import re
import shutil
import subprocess

import pytest

from conftest import (CHECK_TAGS, CHECKER, ERROR_PATH_TAGS, REPO, RULES,
                      TESTCASES, parse_output)
from test_snippets import Snippet

COCCI = os.path.join(REPO, "cocci")
ASYNC = os.path.join(COCCI, "teardown_async.cocci")
RELEASE = os.path.join(COCCI, "teardown_release.cocci")
SNIPPETS = os.path.join(TESTCASES, "snippets")
MACROS = os.path.join(COCCI, "macros.h")
SPATCH = ["spatch", "--no-includes", "--include-headers", "--very-quiet",
          "--macro-file", MACROS]


def async_expectations():
    """{snippet: set of lines} where the plugin reports teardown-async."""
    found = {}
    for name, n in expectations({"teardown-async"}):
        found.setdefault(name, set()).add(n)
    return found


# The families remove() owes a release for (not the order checks' tags).
RELEASE_TAGS = {"teardown-mmio", "teardown-irq", "teardown-dma",
                "teardown-timer", "teardown-hrtimer", "teardown-work",
                "teardown-workqueue", "teardown-tasklet", "teardown-kthread"}
# Where spatch and the plugin differ on the snippets, and why
# (docs/coccinelle.md, "Where the two front ends differ").
COCCI_CANNOT = {
    # module_init()/module_exit() pairs are the plugin's alone
    "module-driver-not-unregistered.c": "module init/exit",
    # platform_driver_probe() names probe in a call, not in the object
    "timer-platform-driver-probe.c": "probe passed to platform_driver_probe()",
    # free_irq() with another object as cookie: spatch sees no types
    "irq-cookie-param-copy-other.c": "an IRQ freed with a cookie of another type",
    "irq-cookie-field-release-other.c": "an IRQ freed with a cookie of another type",
}
# and the other way round: spatch reports what the plugin, following
# more, knows to be released
COCCI_REPORTS_MORE = {
    # adapter->io_addr = hw->hw_addr: the copy is what remove unmaps
    "mmio-copied-field-released.c": "a handle copied to another field",
    "ep-mmio-global-copy-released.c": "a global handle copied to a field",
    # component_master_del() runs .unbind, which destroys the workqueue
    "work-component-unbind-drained.c": "a workqueue a teardown callback destroys",
    # .suppress_bind_attrs and no module_exit: nothing ever unbinds it
    "nounbind-builtin-no-remove.c": "a built-in driver sysfs may not unbind",
    # p->irq = p->main_irq: the copy of the number is what remove frees
    "irq-number-copied.c": "an IRQ number copied to another field",
}
# The plugin sees a macro's value, spatch its name: same fix either way.
# spatch does not see that a driver is built in (no module_exit): it
# offers a remove() where the plugin offers .suppress_bind_attrs first.
# Findings an inline comment silences: the command drops them from the
# Coccinelle results as the plugin does; spatch's own report (make
# coccicheck) cannot read the comment, so it still shows them.
COCCI_SUPPRESSED = {
    ("suppress-inline.c", 27): "teardown-check: ignore teardown-work",
}
COCCI_TEXT = {
    "dma-coherent-missing.c": ("4096", "SNIP_RING_BYTES"),
    "nounbind-builtin-sysfs-unbind.c": (
        " and is built in, so only an unbind through sysfs leaves it; set "
        ".suppress_bind_attrs = true", " and devres does not release it"),
}
REPORT_LINE = re.compile(r"(\S+?\.c):(\d+):\d+-\d+: (.*) \[(teardown-[a-z-]+)\]$")


def spatch(cocci, mode, *paths, extra=()):
    argv = SPATCH + ["--sp-file", cocci, "-D", mode] + list(extra)
    if len(paths) == 1 and os.path.isdir(paths[0]):
        argv += ["--dir", str(paths[0]), "-j", "2"]
    else:
        argv += [str(p) for p in paths]
    r = subprocess.run(argv, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    return r


def reported(*paths):
    """[(file, line, tag, message)] teardown_release.cocci reports."""
    found = []
    for line in spatch(RELEASE, "report", *paths).stdout.splitlines():
        m = REPORT_LINE.match(line)
        assert m, line
        found.append((m.group(1), int(m.group(2)), m.group(4), m.group(3)))
    return found


def expectations(tags):
    """{(snippet, line): (tag, message or None)} of the given tags."""
    found = {}
    for name in sorted(os.listdir(SNIPPETS)):
        if not name.endswith(".c"):
            continue
        with open(os.path.join(SNIPPETS, name)) as f:
            for n, line in enumerate(f, 1):
                m = re.search(r'expect:\s*(teardown-[a-z-]+)(?:\s+"([^"]*)")?',
                              line)
                if m and m.group(1) in tags:
                    found[(name, n)] = (m.group(1), m.group(2))
    return found


@pytest.mark.parametrize("name", ["teardown_async.cocci",
                                  "teardown_release.cocci"])
def test_generated_patches_are_current(tmp_path, name):
    subprocess.run([os.path.join(COCCI, "gen-cocci"), RULES, COCCI,
                    str(tmp_path)], check=True)
    with open(os.path.join(COCCI, name)) as f, open(tmp_path / name) as g:
        assert f.read() == g.read(), "cocci/%s is stale: run make" % name


@pytest.mark.parametrize("path", [ASYNC, RELEASE])
def test_coccicheck_conventions(path):
    with open(path) as f:
        text = f.read()
    for needed in ("///", "// Confidence:", "// Options:", "// Requires:",
                   "virtual patch", "virtual context", "virtual org",
                   "virtual report"):
        assert needed in text, needed
    r = subprocess.run(["spatch", "--parse-cocci", path, "-D", "report"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]


@pytest.fixture(scope="module")
def release_report(tmp_path_factory):
    work = tmp_path_factory.mktemp("release") / "snippets"
    shutil.copytree(SNIPPETS, work)
    return {(os.path.basename(path), line): (tag, msg)
            for path, line, tag, msg in reported(work)}


def test_release_report_matches_plugin(release_report):
    expected = {k: v for k, v in expectations(RELEASE_TAGS).items()
                if k[0] not in COCCI_CANNOT}
    got = {k: v for k, v in release_report.items()
           if k[0] not in COCCI_REPORTS_MORE and k not in COCCI_SUPPRESSED}
    assert all(k in release_report for k in COCCI_SUPPRESSED), \
        "spatch no longer reports a suppressed finding: drop it from the list"
    assert len(expected) >= 25
    assert set(got) == set(expected), (
        sorted(set(got) - set(expected)),
        sorted(set(expected) - set(got)))
    for key, (tag, text) in expected.items():
        got_tag, got = release_report[key]
        assert got_tag == tag, key
        if key[0] in COCCI_TEXT:
            text = text.replace(*COCCI_TEXT[key[0]])
        assert text is None or text in got, (key, got, text)


def test_release_cocci_cannot_is_current(release_report):
    """Each listed difference still is one."""
    expected = expectations(RELEASE_TAGS)
    for name in COCCI_CANNOT:
        assert [k for k in expected if k[0] == name], name
        assert not [k for k in release_report if k[0] == name], name
    for name in COCCI_REPORTS_MORE:
        assert not [k for k in expected if k[0] == name], name
        assert [k for k in release_report if k[0] == name], name


def test_release_context_and_org_mark_the_same_lines(tmp_path,
                                                     release_report):
    names = sorted({k[0] for k in release_report})
    for name in names:
        shutil.copy(os.path.join(SNIPPETS, name), tmp_path)
    context = spatch(RELEASE, "context", tmp_path).stdout
    marked = set()
    current = n = None
    for line in context.splitlines():
        m = re.match(r"^(---|\+\+\+) (\S+)", line)
        if m:
            if m.group(1) == "---":
                current = os.path.basename(m.group(2))
            n = None
            continue
        m = re.match(r"^@@ -(\d+)", line)
        if m:
            n = int(m.group(1)) - 1
        elif n is not None and line[:1] in (" ", "-"):
            n += 1
            if line.startswith("-"):
                marked.add((current, n))
    assert marked == set(release_report), (marked, set(release_report))
    org = spatch(RELEASE, "org", tmp_path).stdout
    assert org.count("* TODO") == len(release_report), org


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
    assert "timer_delete()" not in outputs[0], outputs[0]
    assert "timer_delete() in snip_remove()" in outputs[1], outputs[1]


def build_checked(kernel, directory, names):
    """Build the snippets names in directory as modules under the
    checker; every object must build.  Returns the findings.  Snippets
    marked for other kernels (/* kernel: ... */) are left out."""
    names = [n for n in names if Snippet(n).built_on(kernel.version)]
    with open(directory / "Kbuild", "w") as f:
        for name in names:
            f.write("obj-m += %s.o\n" % name[:-2])
    r = kernel.make("M=" + str(directory), "C=2", "CHECK=" + CHECKER, "-j2",
                    *[n[:-2] + ".o" for n in names], timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    for name in names:
        assert (directory / (name[:-2] + ".o")).exists(), name
    return parse_output(r.stderr)[0]


@pytest.mark.kernel
def test_async_patch_builds_and_is_clean(kernel, tmp_path):
    names = sorted(async_expectations())
    for name in names:
        shutil.copy(os.path.join(SNIPPETS, name), tmp_path)
        r = subprocess.run(SPATCH + ["--sp-file", ASYNC, "-D", "patch",
                                     "--in-place", str(tmp_path / name)],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr[-2000:]
    found = build_checked(kernel, tmp_path, names)
    assert not [f for f in found if f[2] == "teardown-async"], found


@pytest.mark.kernel
def test_release_patch_builds_and_is_clean(kernel, tmp_path, release_report):
    """Every release or fence patch mode adds compiles, and the plugin no
    longer reports the resource (nor a new order problem)."""
    names = sorted({k[0] for k in release_report})
    for name in names:
        shutil.copy(os.path.join(SNIPPETS, name), tmp_path)
    spatch(RELEASE, "patch", tmp_path, extra=["--in-place"])
    patched = [n for n in names
               if open(tmp_path / n).read() !=
               open(os.path.join(SNIPPETS, n)).read()]
    assert len(patched) >= 20, patched
    found = build_checked(kernel, tmp_path, patched)
    others = {(k[0], v[0]) for k, v in expectations(
        CHECK_TAGS - ERROR_PATH_TAGS).items()}
    left = [f for f in found if f[2] not in ERROR_PATH_TAGS and
            (os.path.basename(f[0]), f[2]) not in others]
    assert not left, left


def test_unparsable_file_is_named(tmp_path):
    """--cocci names the line spatch gives up at; --strict makes it exit 2."""
    bad = tmp_path / "broken-driver.c"
    bad.write_text("static int broken_probe(struct platform_device *pdev\n"
                   "{\n\treturn 0;\n}\n")
    for strict, rc in ((), 0), (("--strict",), 2):
        r = subprocess.run([CHECKER, "--cocci", *strict, str(bad)],
                           capture_output=True, text=True, timeout=300)
        assert re.search(r"broken-driver\.c: spatch cannot parse all of it;"
                         r".*: line 2$", r.stderr, re.M), r.stderr
        assert r.returncode == rc, (strict, r.returncode, r.stderr)
    r = subprocess.run([CHECKER, "--cocci", "--mode=context", str(bad)],
                       capture_output=True, text=True, timeout=300)
    assert re.search(r"broken-driver\.c:2: error: spatch cannot parse",
                     r.stdout), r.stdout
    assert r.returncode == 2, r.returncode


def test_cocci_mode_runs_every_patch(tmp_path):
    for name in ("work-missing.c", "timer-del-timer-async.c"):
        shutil.copy(os.path.join(SNIPPETS, name), tmp_path)
    r = subprocess.run([CHECKER, "--cocci", "--fail-on-warn", "-j2",
                        str(tmp_path)], capture_output=True, text=True,
                       timeout=300)
    assert "[teardown-work]" in r.stdout and "[teardown-async]" in r.stdout, \
        r.stdout
    assert "cannot parse" not in r.stdout, r.stdout
    assert r.returncode == 1, r.returncode
    r = subprocess.run([CHECKER, "--cocci", "--mode=bogus", str(tmp_path)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "unknown mode 'bogus'" in r.stderr, r.stderr

