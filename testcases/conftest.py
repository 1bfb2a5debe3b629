"""Shared fixtures of the teardown-check test suite.

The kernel tier needs Debian's linux-source-6.12 and linux-source-7.3
unpacked and prepared (x86_64 allmodconfig + modules_prepare);
testcases/prepare-kernel.sh does that once into a cache outside the
repository and the fixtures reuse it.
testcases/install-deps.sh puts the SARIF 2.1.0 schema in the same cache.
"""
import contextlib
import datetime
import fcntl
import json
import os
import re
import shlex
import subprocess

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTCASES = os.path.join(REPO, "testcases")
CHECKER = os.path.join(REPO, "teardown-check")
PLUGIN = os.path.join(REPO, "plugin", "teardown_check.so")
RULES = os.path.join(REPO, "rules", "teardown.rules")
# The cache of prepare-kernel.sh and install-deps.sh (same variables).
CACHE = os.environ.get("TEARDOWN_CACHE") or os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
    "teardown-check")
SARIF_SCHEMA = os.path.join(CACHE, "sarif-2.1.0.json")
# The tests judge the whole engine, findings of every confidence;
# test_confidence.py checks what the default output leaves out.
os.environ["TEARDOWN_CONFIDENCE"] = "low"

# file:line:col: warning: message [teardown-tag]
DIAG = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<kind>warning|note|error): (?P<msg>.*)$")
TAG = re.compile(r"\[(teardown-[a-z-]+)\]$")
STATS = re.compile(r"teardown-check: stats: (.*)$")

# Tags of the checks that are not one family's (family tags are in rules/).
ORDER_TAGS = {"teardown-order", "teardown-devm-order", "teardown-mmio-dma",
              "teardown-rearm",
              "teardown-use-after-free"}
ERROR_PATH_TAGS = {"teardown-error-path", "teardown-error-order"}
# The remove-path tiers leave probe's error paths to test_real_error.py.
REMOVE_PATH_ONLY = ("--stats",
                    "--disable=" + ",".join(sorted(ERROR_PATH_TAGS)))
CHECK_TAGS = {"teardown-async"} | ORDER_TAGS | ERROR_PATH_TAGS


# The compiler front ends, and what make needs for each kernel build.
FRONT_ENDS = ("gcc", "clang")
LLVM = "-14"        # make LLVM=-14: clang-14, ld.lld-14, llvm-ar-14
# The kernels checked (issue 18): the LTS one first.  Linux 7.3 needs LLVM
# 17, which Debian 12 lacks, so it is built with gcc only.
KERNEL_VERSIONS = ("6.12", "7.3")
# Every prepared build a real-kernel tier runs on: the two front ends on
# 6.12, gcc on 7.3 (ids as in the test names: [gcc-...], [gcc-7.3-...]).
KERNEL_BUILDS = ("gcc", "clang", "gcc-7.3")


class Kernel:
    """A prepared tree: src/ with its allmodconfig build in src/build, or
    with front_end "clang" the LLVM=-14 one in src/build-llvm.  version is
    "6.12" or "7.3"."""

    def __init__(self, src, front_end="gcc", version="6.12"):
        self.src = src
        self.version = version
        self.front_end = front_end
        self.llvm = front_end == "clang"
        self.build = os.path.join(src, "build-llvm" if self.llvm else "build")

    def make_args(self):
        return ["LLVM=" + LLVM] if self.llvm else []

    def env(self):
        """What tree mode needs to ask this build's kbuild (LLVM=)."""
        return dict(os.environ, LLVM=LLVM) if self.llvm else None

    def make(self, *args, timeout=1800):
        cmd = (["make", "-s", "-C", self.src, "O=" + self.build] +
               self.make_args() + list(args))
        return subprocess.run(cmd, capture_output=True, text=True,
                              timeout=timeout)

    def prebuild(self, objs):
        """Build the objects that have no .cmd yet in one make: kbuild's
        start-up is paid once, not once an object (kernel-facts.md).
        Failures are left to compile_command() to report, object by
        object."""
        with exclusive("kernel-build"):
            missing = sorted(o for o in set(objs)
                             if not os.path.exists(self.cmd_file(o)))
            if missing:
                self.make("-k", "-j%d" % os.cpu_count(), *missing,
                          timeout=3600)

    def cmd_file(self, obj):
        """kbuild's record of how it built obj (absent until it has)."""
        return os.path.join(self.build, os.path.dirname(obj),
                            "." + os.path.basename(obj) + ".cmd")

    def compile_command(self, obj):
        """gcc's argv for obj as kbuild ran it (builds obj once if needed)."""
        cmdfile = self.cmd_file(obj)
        with exclusive("kernel-build"):
            if not os.path.exists(cmdfile):
                r = self.make(obj)
                assert r.returncode == 0, r.stderr[-2000:]
        with open(cmdfile) as f:
            for line in f:
                if line.startswith("savedcmd_"):
                    cmd = line.split(":=", 1)[1].split(" ; ")[0]
                    return shlex.split(cmd)
        raise AssertionError("no savedcmd in " + cmdfile)


def kbuild_check_argv(kernel, obj, source=None):
    """The argv kbuild gives CHECK for obj: gcc's flags and the source.

    With 'source', check that file instead (a mutated copy), with the
    original directory on the include path for its local headers.
    """
    argv = kernel.compile_command(obj)[1:]
    # kbuild exports CC=clang-14; a test's environment does not
    out = ["--cc=clang" + LLVM] if kernel.llvm else []
    skip = False
    for a in argv:
        if skip:
            skip = False
            continue
        if a in ("-c",):
            continue
        if a == "-o":
            skip = True
            continue
        out.append(a)
    orig = out.pop()
    if source:
        srcdir = os.path.dirname(os.path.join(kernel.build, orig))
        out += ["-I" + os.path.normpath(srcdir), source]
    else:
        out.append(orig)
    return out


def one_line(lines, regex, path, after=None):
    """The index of the one line matching regex (a mutation's anchor); with
    'after', the first line matching regex after the one line matching
    'after' (when the same statement is on several paths, indented alike)."""
    if after is not None:
        start = one_line(lines, after, path)
        hits = [i for i, l in enumerate(lines[start + 1:], start + 1)
                if re.search(regex, l)]
        assert hits, "%s: %r matches no line after %r" % (path, regex, after)
        return hits[0]
    hits = [i for i, l in enumerate(lines) if re.search(regex, l)]
    assert len(hits) == 1, "%s: %r matches %d lines" % (path, regex, len(hits))
    return hits[0]


def emptied(line):
    """A statement replaced by ';': a brace-less if keeps its shape."""
    return re.match(r"\s*", line).group(0) + ";"


def mutated_source(kernel, relpath, tmpdir, edit):
    """A copy of a kernel file with edit(lines, path) applied, in tmpdir."""
    path = os.path.join(kernel.src, relpath)
    with open(path) as f:
        lines = f.read().split("\n")
    edit(lines, path)
    out = os.path.join(tmpdir, os.path.basename(path))
    with open(out, "w") as f:
        f.write("\n".join(lines))
    return out


def run_checker(argv, cwd, extra=("--stats",), timeout=300):
    """Run teardown-check; return (exit code, findings, notes, stats, stderr)."""
    r = subprocess.run([CHECKER] + list(extra) + list(argv), cwd=cwd,
                       capture_output=True, text=True, timeout=timeout)
    return (r.returncode,) + parse_output(r.stderr) + (r.stderr,)


def parse_output(text):
    """Findings [(file, line, tag, message)], notes, and summed stats."""
    findings, notes, stats = [], [], {}
    for line in text.splitlines():
        m = DIAG.match(line)
        if m and m.group("kind") == "warning":
            t = TAG.search(m.group("msg"))
            if t:
                findings.append((m.group("file"), int(m.group("line")),
                                 t.group(1), m.group("msg")))
        elif m and m.group("kind") == "note":
            notes.append((m.group("file"), int(m.group("line")),
                          m.group("msg")))
        s = STATS.search(line)
        if s:
            for kv in s.group(1).split():
                k, v = kv.split("=")
                stats[k] = stats.get(k, 0) + int(v)
    return findings, notes, stats


@contextlib.contextmanager
def exclusive(what):
    """One test process at a time (pytest-xdist runs two): for building
    the plugin, preparing a tree and building objects in a shared tree."""
    os.makedirs(CACHE, exist_ok=True)
    with open(os.path.join(CACHE, what + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="session")
def built():
    with exclusive("repo-build"):
        r = subprocess.run(["make", "-s", "-C", REPO], capture_output=True,
                           text=True)
    assert r.returncode == 0, r.stderr
    return REPO


def prepare_kernel(version, builds="all"):
    """The source dir of a prepared tree (testcases/prepare-kernel.sh)."""
    with exclusive("kernel-build"):
        r = subprocess.run([os.path.join(TESTCASES, "prepare-kernel.sh"),
                            version, builds],
                           capture_output=True, text=True, timeout=3000)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


@pytest.fixture(scope="session")
def kernel_src(built):
    return prepare_kernel("6.12")


@pytest.fixture(scope="session")
def kernel73_src(built):
    return prepare_kernel("7.3", "gcc")


def tier_objects(version):
    """Every object the real-driver tiers, the found-bugs register and
    the recall corpus check on Linux 'version'."""
    import found_bugs
    import kernel_versions
    import real_drivers
    import real_error_drivers
    import real_order_drivers
    import recall_corpus
    objs = set()
    if version == found_bugs.KERNEL:
        objs |= {b["obj"] for b in found_bugs.FOUND}
    if version == recall_corpus.KERNEL:
        objs |= {c["obj"] for c in recall_corpus.load()}
    for module in (real_drivers, real_error_drivers, real_order_drivers):
        for entries in vars(module).values():
            if not isinstance(entries, list):
                continue
            for e in entries:
                if isinstance(e, dict) and "obj" in e:
                    e = kernel_versions.at_version(e, version)
                    if e:
                        objs.add(e["obj"])
    return objs


def prepared(kernel):
    kernel.prebuild(tier_objects(kernel.version))
    return kernel


@pytest.fixture(scope="session")
def gcc_kernel(kernel_src):
    return prepared(Kernel(kernel_src))


@pytest.fixture(scope="session")
def clang_kernel(kernel_src):
    return prepared(Kernel(kernel_src, "clang"))


@pytest.fixture(scope="session")
def gcc73_kernel(kernel73_src):
    return prepared(Kernel(kernel73_src, "gcc", "7.3"))


@pytest.fixture(scope="session")
def kernel(gcc_kernel):
    """The gcc build; modules run with both front ends override this."""
    return gcc_kernel


def kernel_per_front_end(request):
    """For 'kernel = pytest.fixture(scope="module", params=FRONT_ENDS)(
    kernel_per_front_end)' in a module whose tests run once per front end:
    the real-kernel tier, again with LLVM=1 (issue 8).  With
    params=KERNEL_BUILDS, once more on Linux 7.3 (issue 18)."""
    build = {"gcc-7.3": "gcc73"}.get(request.param, request.param)
    return request.getfixturevalue(build + "_kernel")


# RFC 3339 date-time, for jsonschema's "date-time" format when Debian lacks
# the rfc3339-validator module it would use (bookworm does).
RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?"
                     r"([Zz]|[+-]\d\d:\d\d)\Z")


def _is_date_time(value):
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        return False
    datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    return True


def _formats(schema):
    """The values of the "format" keywords anywhere in a schema."""
    if isinstance(schema, list):
        return set().union(*map(_formats, schema))
    if not isinstance(schema, dict):
        return set()
    found = set().union(*map(_formats, schema.values()))
    if isinstance(schema.get("format"), str):
        found.add(schema["format"])
    return found


def _json_path(path):
    """$.runs[0].results[0].partialFingerprints['k/v1'] for a jsonschema
    error's absolute_path."""
    out = "$"
    for p in path:
        if isinstance(p, int):
            out += "[%d]" % p
        elif re.match(r"[A-Za-z_$][\w$]*\Z", p):
            out += "." + p
        else:
            out += "[%r]" % p
    return out


@pytest.fixture(scope="session")
def sarif_validator():
    """validate(doc): raise AssertionError unless doc (parsed SARIF JSON)
    is valid against the OASIS SARIF 2.1.0 schema, formats included."""
    problem = None
    try:
        import jsonschema
        with open(SARIF_SCHEMA) as f:
            schema = json.load(f)
    except ImportError as e:
        problem = "python3-jsonschema is missing (%s)" % e
    except (OSError, ValueError) as e:
        problem = "cannot load the SARIF schema %s (%s)" % (SARIF_SCHEMA, e)
    if problem:
        pytest.fail(problem + ": run testcases/install-deps.sh", pytrace=False)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    formats = jsonschema.FormatChecker()
    formats.checkers = dict(cls.FORMAT_CHECKER.checkers)
    if "date-time" not in formats.checkers:
        formats.checks("date-time", raises=ValueError)(_is_date_time)
    # jsonschema silently ignores a format it has no checker for ("uri" and
    # "uri-reference" need python3-rfc3987): refuse to check less than that.
    unchecked = sorted(_formats(schema) - set(formats.checkers))
    if unchecked:
        pytest.fail("jsonschema cannot check the SARIF formats %s (is "
                    "python3-rfc3987 missing?): run testcases/install-deps.sh"
                    % ", ".join(unchecked), pytrace=False)
    validator = cls(schema, format_checker=formats)

    def validate(doc, limit=5):
        errors = list(validator.iter_errors(doc))
        if not errors:
            return
        lines = []
        for e in errors[:limit]:
            why = e.message
            if e.context:       # anyOf/oneOf: say which branch came closest
                why += " (%s)" % jsonschema.exceptions.best_match(
                    e.context).message
            lines.append("  %s: %s" % (_json_path(e.absolute_path), why[:300]))
        if len(errors) > limit:
            lines.append("  ... and %d more" % (len(errors) - limit))
        raise AssertionError("SARIF does not validate against %s:\n%s"
                             % (SARIF_SCHEMA, "\n".join(lines)))

    return validate


# Fixtures that build or run much once for many tests.  run-tests runs
# two pytest-xdist workers (--dist loadgroup): the tests that share one
# such run are one group, so that one worker computes it once.
SHARED_RUNS = ("snippet_runs", "release_report", "reported", "rtc_copy",
               "apis")
# Tests that run make over whole directories of the prepared trees are one
# group, so that two makes never write one tree at once.  They take about
# half the suite's time: the other worker runs everything else meanwhile.
TREE_WRITERS = ("test_kbuild.py::", "test_tree.py::test_tree_mode_whole",
                "test_tree.py::test_compile_commands_json",
                "test_clang.py::test_front_ends_agree_on_a_directory",
                # tree mode asks kbuild for files allmodconfig skips
                "test_scan_sample.py::test_labelled")


def xdist_group(item):
    """The group an item belongs to, or None: any worker may run it."""
    # the file's name and the test's, not the last "/" of the whole id:
    # parameters name directories (test_kbuild.py::...[gcc-drivers/spi])
    path, _, test = item.nodeid.partition("::")
    name = path.split("/")[-1] + "::" + test
    if any(name.startswith(t) for t in TREE_WRITERS):
        return "kernel-trees"
    for name in SHARED_RUNS:
        if name in item.fixturenames:
            return name
    return None


# First: pytest-xdist reads the groups in its own hook of the same name.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The fast tier first: a test that needs no kernel tree fails within
    the first minute rather than after the real-kernel tiers."""
    items.sort(key=lambda item: item.get_closest_marker("kernel") is not None)
    for item in items:
        group = xdist_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
