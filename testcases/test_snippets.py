"""The snippet tier: tiny driver modules with their expected findings inline.

Every testcases/snippets/*.c is a complete, compilable kernel module.  All of
them are built as one external module directory with a single kbuild run
(M=<tmp>, C=2, CHECK=teardown-check, CF=--stats,
KCFLAGS=-fdiagnostics-parseable-fixits, -j2 -k), and each file's
diagnostics are then compared with the expectations written in the file.
That is done three times (KERNEL_BUILDS): against Linux 6.12's gcc build
(the GCC plugin), its LLVM=-14 build (the Clang plugin), and Linux 7.3's
gcc build (test ids [gcc-...], [clang-...], [gcc-7.3-...]).  On 6.12 the
two front ends must say exactly the same of each snippet
(test_front_ends_agree; there is no clang build of 7.3).

Markers a snippet may carry (all are C comments):

  /* expect: TAG "SUBSTRING" */
      On the line where a warning is expected (the acquiring call, the
      INIT_WORK use site, or the asynchronous call for teardown-async).
      TAG is the bracketed tag, e.g. teardown-work; SUBSTRING (optional)
      must occur in that warning's message.  Several markers may share a
      line, each standing for one warning.  A file without any expect
      marker must produce no teardown warning at all.

  /* expect-stats: KEY=N KEY=N */
      Anywhere: each listed counter of the --stats line, summed over the
      file, must equal N.

  /* expect-fixit: "TEXT" */
      Anywhere: some fix-it line GCC prints for the file must contain TEXT.

  /* expect-no-fixit: "TEXT" */
      Anywhere: no fix-it line of the file may contain TEXT (a fix-it that
      would not compile in remove(), e.g. one naming a probe() local).

  /* family: NAME NAME... */
      The resource families of rules/teardown.rules the snippet exercises
      (every snippet carries one).  It decides coverage: a snippet is a
      POSITIVE for family F when it names F here and has an expect marker
      with F's tag; it is a NEGATIVE for F when it names F here and has no
      expect marker at all (correct code that must stay silent).
      test_every_family_covered wants one of each for every family.

  /* kernel: COND */
      The snippet uses an API only some kernels have: it is built and
      checked only on the kernels COND admits, and reported as skipped,
      with COND, on the others.  COND is what rules lines take after
      kernel=: "<V" (older than V), ">=V" (V or newer), a plain "V" (that
      major.minor only), several separated by blanks all holding, e.g.
      /* kernel: >=6.13 */ for hrtimer_setup().

  /* expect[COND]: TAG "SUBSTRING" */   /* expect-stats[COND]: ... */
  /* expect-fixit[COND]: "TEXT" */      /* expect-no-fixit[COND]: "TEXT" */
      The same expectations, holding only on the kernels COND admits, for
      code whose meaning changed between them (pci_request_regions() after
      pcim_enable_device() is managed before 6.16 only:
      /* expect[>=6.16]: teardown-error-path "pdev" */).  On a kernel where
      no expect marker applies the snippet must be silent.

The first line of every snippet is a one-line comment saying what it tests.
Snippets are the fast tier: they are deliberately not marked 'kernel'.
"""
import collections
import glob
import os
import re
import shutil

import pytest

from conftest import (CHECK_TAGS, CHECKER, DIAG, KERNEL_BUILDS,
                      KERNEL_VERSIONS, RULES, TAG, TESTCASES, parse_output)

SNIPPETS = os.path.join(TESTCASES, "snippets")
FILES = sorted(os.path.basename(p)
               for p in glob.glob(os.path.join(SNIPPETS, "*.c")))

# [COND] after a marker's name: it holds on the kernels COND admits only
WHEN = r"(?:\[([^\]]*)\])?"
EXPECT = re.compile(r'expect' + WHEN +
                    r':\s*(teardown-[a-z-]+)(?:\s+"([^"]*)")?')
EXPECT_STATS = re.compile(r"expect-stats" + WHEN +
                          r":\s*((?:\s*[a-z_]+=\d+)+)")
EXPECT_FIXIT = re.compile(r'expect-fixit' + WHEN + r':\s*"([^"]*)"')
EXPECT_NO_FIXIT = re.compile(r'expect-no-fixit' + WHEN + r':\s*"([^"]*)"')
KERNEL_HDR = re.compile(r"/\*\s*kernel:\s*(.*?)\s*\*/")
COND_TERM = re.compile(r"^(<|>=)?(\d+)\.(\d+)$")
FAMILY_HDR = re.compile(r"/\*\s*family:\s*([a-z0-9_ ]+?)\s*\*/")
FIXIT = re.compile(r'^fix-it:"(?P<file>[^"]+)":\{(?P<l1>\d+):(?P<c1>\d+)-'
                   r'(?P<l2>\d+):(?P<c2>\d+)\}:"(?P<text>.*)"$')
STATS_LINE = re.compile(r"^(?P<file>\S+?): teardown-check: stats: ")
NOT_CHECKED = re.compile(r"teardown-check: (?P<file>\S+?): .*file not checked")
MAKE_ERROR = re.compile(r"^make\[\d+\]: \*\*\* \[[^\]]*?(?P<obj>[^/\s\]]+)\.o\]")
RULE_FAMILY = re.compile(r"^family\s+(\S+)\s.*?\btag=(\S+)")


def parse_version(v):
    major, minor = v.split(".")[:2]
    return int(major), int(minor)


def cond_error(cond):
    """Why COND is not a kernel condition, or None."""
    if not cond.split():
        return "empty kernel condition"
    for term in cond.split():
        if not COND_TERM.match(term):
            return "bad kernel condition term %r (<V, >=V or V)" % term
    return None


def admits(cond, version):
    """Whether kernel condition COND (None: any kernel) holds for VERSION,
    "6.12" or "7.3"."""
    if cond is None:
        return True
    v = parse_version(version)
    for term in cond.split():
        m = COND_TERM.match(term)
        want = int(m.group(2)), int(m.group(3))
        if not {"<": v < want, ">=": v >= want,
                None: v == want}[m.group(1)]:
            return False
    return True


class Snippet:
    """The expectations written in one snippet file."""

    def __init__(self, name):
        self.name = name
        with open(os.path.join(SNIPPETS, name)) as f:
            self.lines = f.read().splitlines()
        self.kernel = None          # the kernel: condition, if any
        # each with the kernel condition it holds under (None: always)
        self.all_expects = []       # (line, tag, substring or None, cond)
        self.all_stats = []         # (key, N, cond)
        self.all_fixits = []        # (text, cond)
        self.all_no_fixits = []
        self.families = []
        for n, text in enumerate(self.lines, 1):
            for m in EXPECT.finditer(text):
                self.all_expects.append((n, m.group(2), m.group(3),
                                         m.group(1)))
            for m in EXPECT_STATS.finditer(text):
                for kv in m.group(2).split():
                    k, v = kv.split("=")
                    self.all_stats.append((k, int(v), m.group(1)))
            for m in EXPECT_FIXIT.finditer(text):
                self.all_fixits.append((m.group(2), m.group(1)))
            for m in EXPECT_NO_FIXIT.finditer(text):
                self.all_no_fixits.append((m.group(2), m.group(1)))
            for m in FAMILY_HDR.finditer(text):
                self.families += m.group(1).split()
            m = KERNEL_HDR.search(text)
            if m and self.kernel is None:
                self.kernel = m.group(1)
        self.on(None)

    def conditions(self):
        return ([c for *_, c in self.all_expects + self.all_stats +
                 self.all_fixits + self.all_no_fixits if c is not None] +
                ([self.kernel] if self.kernel is not None else []))

    def built_on(self, version):
        return admits(self.kernel, version)

    def on(self, version):
        """Select the expectations that hold on kernel VERSION (None:
        the unconditional ones only)."""
        def holds(cond):
            return cond is None or version is not None and admits(cond,
                                                                  version)
        self.expects = [e[:3] for e in self.all_expects if holds(e[3])]
        self.stats = {k: v for k, v, c in self.all_stats if holds(c)}
        self.fixits = [t for t, c in self.all_fixits if holds(c)]
        self.no_fixits = [t for t, c in self.all_no_fixits if holds(c)]
        return self

    def tags(self):
        return {tag for _, tag, _ in self.expects}


class Output:
    """What the kbuild run printed about one snippet."""

    def __init__(self):
        self.lines = []             # diagnostics, fix-its and stats lines
        self.errors = []            # compiler errors, failed objects
        self.not_checked = []


def read_rules_families():
    """Family name -> the tag its positive snippets expect.  A family
    checked on probe's error paths only (scope=error) is reported there,
    under teardown-error-path."""
    fams = {}
    with open(RULES) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            m = RULE_FAMILY.match(line)
            if m:
                fams[m.group(1)] = ("teardown-error-path"
                                    if "scope=error" in line.split()
                                    else m.group(2))
    return fams


def split_output(text, names):
    """Group kbuild's stderr by snippet; also return stray teardown lines."""
    out = {n: Output() for n in names}
    stray = []
    current = None      # the file GCC is talking about (for context lines)
    for line in text.splitlines():
        m = DIAG.match(line)
        if m:
            base = os.path.basename(m.group("file"))
            if base in out:
                current = base
                out[base].lines.append(line)
                if m.group("kind") == "error":
                    out[base].errors.append(line)
            elif TAG.search(m.group("msg")) and m.group("kind") == "warning":
                stray.append(line)
            continue
        m = FIXIT.match(line)
        if m:
            base = os.path.basename(m.group("file"))
            if base in out:
                out[base].lines.append(line)
            continue
        m = STATS_LINE.match(line)
        if m:
            base = os.path.basename(m.group("file"))
            if base in out:
                out[base].lines.append(line)
            continue
        m = NOT_CHECKED.search(line)
        if m:
            base = os.path.basename(m.group("file"))
            if base in out:
                out[base].not_checked.append(line)
            else:
                stray.append(line)
            continue
        m = MAKE_ERROR.match(line)
        if m and m.group("obj") + ".c" in out:
            out[m.group("obj") + ".c"].errors.append(line)
        elif "error:" in line and current:
            out[current].errors.append(line)
    return out, stray


def build_snippets(kernel, work):
    """Build every snippet this kernel has the API for once, as one
    external module directory."""
    names = [n for n in FILES if Snippet(n).built_on(kernel.version)]
    for name in names:
        shutil.copy(os.path.join(SNIPPETS, name), work)
    with open(os.path.join(work, "Kbuild"), "w") as f:
        for name in names:
            f.write("obj-m += %s.o\n" % name[:-2])
    # Only the objects: no modpost or .ko link, which a snippet calling an
    # undefined extern function (the handed-off case) would fail, and
    # which the checker does not need.  clang's KASAN frames are bigger
    # than gcc's: ep-long-ladder's would fail CONFIG_WERROR there.
    targets = [name[:-2] + ".o" for name in names]
    kcflags = "-fdiagnostics-parseable-fixits"
    if kernel.llvm:
        kcflags += " -Wno-error=frame-larger-than"
    r = kernel.make("M=" + work, "C=2", "CHECK=" + CHECKER, "CF=--stats",
                    "KCFLAGS=" + kcflags, "-j2", "-k", *targets, timeout=900)
    out, stray = split_output(r.stderr, names)
    for name in names:
        if not os.path.exists(os.path.join(work, name[:-2] + ".o")):
            out[name].errors.append("%s.o was not built" % name[:-2])
    return dict(dir=work, out=out, stray=stray, stderr=r.stderr,
                returncode=r.returncode, version=kernel.version)


@pytest.fixture(scope="session")
def snippet_runs(built, tmp_path_factory, request):
    """The snippets built once per kernel build, when first asked for."""
    runs = {}

    def get(build):
        if build not in runs:
            fixture = {"gcc-7.3": "gcc73"}.get(build, build) + "_kernel"
            kernel = request.getfixturevalue(fixture)
            work = str(tmp_path_factory.mktemp("snippets-" + build))
            runs[build] = build_snippets(kernel, work)
        return runs[build]
    return get


@pytest.fixture(scope="session", params=KERNEL_BUILDS)
def snippet_run(snippet_runs, request):
    """Every snippet through the GCC plugin and the Clang one on 6.12,
    then through the GCC plugin on 7.3."""
    return snippet_runs(request.param)


def _source(snip, line):
    if 1 <= line <= len(snip.lines):
        return snip.lines[line - 1].split("/* expect", 1)[0].strip()
    return "?"


@pytest.mark.parametrize("name", FILES)
def test_snippet(snippet_run, name):
    version = snippet_run["version"]
    snip = Snippet(name)
    if not snip.built_on(version):
        pytest.skip("%s: kernel: %s, not Linux %s" % (name, snip.kernel,
                                                      version))
    snip.on(version)
    out = snippet_run["out"][name]
    text = "\n".join(out.lines)
    problems = []

    if out.errors:
        problems.append("build or check failed:\n  " + "\n  ".join(out.errors[:20]))
    if out.not_checked:
        problems.append("checker failed:\n  " + "\n  ".join(out.not_checked))
    if not any(STATS_LINE.match(l) for l in out.lines) and not out.errors:
        problems.append("no stats line: teardown-check did not run on it")

    findings, _, stats = parse_output(text)
    actual = [(line, tag, msg) for _, line, tag, msg in findings]
    want = collections.Counter((l, t) for l, t, _ in snip.expects)
    got = collections.Counter((l, t) for l, t, _ in actual)
    missing = want - got
    unexpected = got - want
    diff = []
    for (line, tag), n in sorted(missing.items()):
        subs = [s for l, t, s in snip.expects if (l, t) == (line, tag)]
        for _ in range(n):
            diff.append("- %s:%d [%s] expected%s\n      %s" % (
                name, line, tag,
                " (%r)" % subs[0] if subs and subs[0] else "",
                _source(snip, line)))
    for (line, tag), n in sorted(unexpected.items()):
        msgs = [m for l, t, m in actual if (l, t) == (line, tag)]
        for msg in msgs[-n:]:
            diff.append("+ %s:%d [%s] unexpected: %s\n      %s" % (
                name, line, tag, msg, _source(snip, line)))
    if diff:
        problems.append("findings differ (- missing, + unexpected):\n" +
                        "\n".join(diff))

    # message substrings, for the findings that are where they should be
    for key in want & got:
        msgs = [m for l, t, m in actual if (l, t) == key]
        for _, _, sub in [e for e in snip.expects if e[:2] == key]:
            if not sub:
                continue
            hit = next((m for m in msgs if sub in m), None)
            if hit is None:
                problems.append(
                    "%s:%d [%s]: no message contains %r; got:\n  %s" % (
                        name, key[0], key[1], sub, "\n  ".join(msgs)))
            else:
                msgs.remove(hit)

    for k, v in sorted(snip.stats.items()):
        if stats.get(k) != v:
            problems.append("stats %s=%s, expected %d (%s)" % (
                k, stats.get(k), v,
                " ".join("%s=%d" % kv for kv in sorted(stats.items()))))

    fixit_lines = [l for l in out.lines if FIXIT.match(l)]
    for want_fix in snip.fixits:
        if not any(want_fix in l for l in fixit_lines):
            problems.append("no fix-it contains %r; fix-its:\n  %s" % (
                want_fix, "\n  ".join(fixit_lines) or "(none)"))

    for bad_fix in snip.no_fixits:
        for l in fixit_lines:
            if bad_fix in l:
                problems.append("fix-it contains %r: %s" % (bad_fix, l))

    if problems:
        pytest.fail("%s:\n%s\n\nchecker output:\n%s" % (
            name, "\n\n".join(problems), text or "(none)"), pytrace=False)


def what_is_said(out):
    """A snippet's findings, notes, fix-its and stats, columns aside."""
    said = set()
    ours = False        # the notes that follow one of our warnings
    for line in out.lines:
        m = DIAG.match(line)
        if m:
            if m.group("kind") != "note":
                ours = bool(TAG.search(m.group("msg")))
            if ours:
                said.add((m.group("kind"), int(m.group("line")),
                          m.group("msg")))
        elif FIXIT.match(line):
            f = FIXIT.match(line)
            said.add(("fix-it", int(f.group("l1")), f.group("text")))
        elif STATS_LINE.match(line):
            said.add(("stats", 0, line.split(": stats: ", 1)[1]))
    return said


# What only one front end sees, and why (docs/clang.md).  Statistics only:
# no finding may differ.
KNOWN_DIFFERENCES = {
    # gcc's -fsanitize=bool tests the loaded bool ("if (_4 > 1)") in
    # GIMPLE, a branch clang adds only in code generation; the error-path
    # walk counts the path through it as undecided.
    "ep-irq-conditional.c": "error_undecided",
}


def without_stat(said, key):
    return {(k, l, re.sub(r"\b%s=\d+ ?" % key, "", m) if k == "stats" else m)
            for k, l, m in said}


@pytest.mark.parametrize("name", FILES)
def test_front_ends_agree(snippet_runs, name):
    """Both front ends say the same of every snippet: each finding with its
    text and tag on the same line, its notes, fix-its and statistics
    (docs/clang.md: only columns may differ).  On 6.12: Linux 7.3 has no
    clang build here (it needs LLVM 17)."""
    snip = Snippet(name)
    if not snip.built_on("6.12"):
        pytest.skip("%s: kernel: %s, not Linux 6.12" % (name, snip.kernel))
    gcc = what_is_said(snippet_runs("gcc")["out"][name])
    clang = what_is_said(snippet_runs("clang")["out"][name])
    assert any(k == "stats" for k, _, _ in gcc), "gcc did not check it"
    if name in KNOWN_DIFFERENCES:
        assert gcc != clang, "%s: the known difference is gone" % name
        gcc = without_stat(gcc, KNOWN_DIFFERENCES[name])
        clang = without_stat(clang, KNOWN_DIFFERENCES[name])
    assert gcc == clang, "gcc only:\n  %s\nclang only:\n  %s" % (
        "\n  ".join(map(str, sorted(gcc - clang))),
        "\n  ".join(map(str, sorted(clang - gcc))))


def test_no_stray_findings(snippet_run):
    """No teardown finding points outside the snippets (into a header)."""
    assert not snippet_run["stray"], "\n".join(snippet_run["stray"])


def test_snippets_well_formed():
    """First line says what the file tests; family header names real families."""
    fams = read_rules_families()
    bad = []
    for name in FILES:
        snip = Snippet(name)
        first = snip.lines[0] if snip.lines else ""
        if not (first.startswith("/*") and first.endswith("*/") or
                first.startswith("//")):
            bad.append("%s: first line is not a one-line comment" % name)
        if not snip.families:
            bad.append("%s: no /* family: ... */ header" % name)
        for f in snip.families:
            if f not in fams:
                bad.append("%s: unknown family %r" % (name, f))
        for _, tag, _, _ in snip.all_expects:
            if tag not in CHECK_TAGS and tag not in fams.values():
                bad.append("%s: unknown tag %r" % (name, tag))
        for cond in snip.conditions():
            why = cond_error(cond)
            if why:
                bad.append("%s: %s" % (name, why))
            elif not any(admits(cond, v) for v in KERNEL_VERSIONS):
                bad.append("%s: no kernel checked (%s) meets %r" % (
                    name, " ".join(KERNEL_VERSIONS), cond))
        if snip.kernel is not None and all(
                admits(snip.kernel, v) for v in KERNEL_VERSIONS):
            bad.append("%s: every kernel meets kernel: %s; drop it" % (
                name, snip.kernel))
        if 'MODULE_LICENSE("GPL")' not in "\n".join(snip.lines):
            bad.append("%s: no MODULE_LICENSE(\"GPL\")" % name)
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("version", KERNEL_VERSIONS)
def test_every_family_covered(version):
    """Each family of the rules has a positive and a negative snippet on
    each kernel checked."""
    fams = read_rules_families()
    assert fams, "no family lines in " + RULES
    snippets = [Snippet(n).on(version) for n in FILES
                if Snippet(n).built_on(version)]
    gaps = []
    for fam, tag in sorted(fams.items()):
        pos = [s.name for s in snippets
               if fam in s.families and tag in s.tags()]
        neg = [s.name for s in snippets
               if fam in s.families and not s.expects]
        if not pos:
            gaps.append("family %s (%s): no positive snippet on %s" % (
                fam, tag, version))
        if not neg:
            gaps.append("family %s (%s): no negative snippet on %s" % (
                fam, tag, version))
    assert not gaps, "\n".join(gaps)
