"""teardown-check as one command in its three uses: kbuild, tree and gate.

The fast tier drives tree and gate modes on a user-space stand-in for a
driver (the checker keys on names and stores, so a platform_driver with
a work item is a driver to it): every output format, baselines, --since,
--enable/--disable, and one clear error for each bad input.  The kernel
tier runs the three modes on the real 6.12 tree:

- kbuild mode: make C=2 CHECK="teardown-check --also-sparse" on an
  external module, so sparse's warnings and ours come out of one build;
- tree mode: whole driver directories with --build (each file's real
  flags; files allmodconfig does not build are asked of kbuild), and with
  a compile_commands.json written by the kernel's own script;
- gate mode: a baseline hides a directory's findings, an unrelated edit
  keeps them hidden, a deleted release makes the gate fail with exit 1
  and a schema-valid SARIF result naming it, with and without --since.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from conftest import (CHECKER, FRONT_ENDS, KERNEL_BUILDS, TESTCASES,
                      kernel_per_front_end)
from test_kbuild import DIRECTORIES, expected_findings

# The real-kernel tier runs once per compiler front end (issue 8).
kernel = pytest.fixture(scope="module",
                        params=FRONT_ENDS)(kernel_per_front_end)
# Whole directories are a real-driver tier: on Linux 7.3 too (issue 18).
every_kernel = pytest.fixture(scope="module",
                              params=KERNEL_BUILDS)(kernel_per_front_end)

# Findings tree mode adds to the kbuild lists: files x86_64 allmodconfig
# does not build, which kbuild still compiles with their directory's flags
# when asked (make FILE.i), each reviewed.
TREE_EXTRA = {
    "drivers/watchdog": {
        # MIPS only: remove() clears .queue and waits for a completion the
        # self-re-arming timer signals; nothing fences the timer itself
        ("drivers/watchdog/mtx-1_wdt.c", "teardown-timer",
         "mtx1_wdt_device.timer"),
        # ISA only: pcwd_isa_remove() stops the self-re-arming ping timer
        # with del_timer() in pcwd_stop(), then releases the I/O region
        # pcwd_timer_ping() writes to
        ("drivers/watchdog/pcwd.c", "teardown-async", "pcwd_private.timer"),
    },
}

FAKE_DRIVER = """\
#define INIT_WORK(w, f) ((w)->func = (f))
struct work_struct { void (*func)(struct work_struct *); };
struct platform_device { int id; };
struct platform_driver {
	int (*probe)(struct platform_device *);
	void (*remove)(struct platform_device *);
};
int cancel_work_sync(struct work_struct *w);
struct foo_priv { struct work_struct work; int count; };
static struct foo_priv priv;

static void foo_work(struct work_struct *w)
{
	priv.count++;
}

static int foo_probe(struct platform_device *pdev)
{
	INIT_WORK(&priv.work, foo_work);
	return 0;
}

static void foo_remove(struct platform_device *pdev)
{
	cancel_work_sync(&priv.work);
}

struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
};
"""
FENCE = "\tcancel_work_sync(&priv.work);\n"


def run(args, cwd, env=None, timeout=600):
    return subprocess.run([CHECKER] + list(args), cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def summary(stderr):
    m = re.search(r"^teardown-check: (\d+) files? \((\w+) front end\)"
                  r"(?:, (\d+) drivers)?.*?, (\d+) (?:new )?findings", stderr,
                  re.M)
    assert m, stderr
    return int(m.group(1)), m.group(2), int(m.group(4))


@pytest.fixture
def fake_tree(tmp_path):
    """drivers/foo/ with a correct driver, a clean file and one that does
    not compile, and a compile_commands.json for the three."""
    top = tmp_path / "linux"
    src = top / "drivers" / "foo"
    src.mkdir(parents=True)
    (src / "foo.c").write_text(FAKE_DRIVER)
    (src / "clean.c").write_text("int clean(void)\n{\n\treturn 0;\n}\n")
    (src / "broken.c").write_text("int broken(void)\n{\n\treturn 0\n}\n")
    db = [{"directory": str(src), "file": "foo.c",
           "command": "gcc -O2 -Wall -c -o foo.o foo.c"},
          {"directory": str(src), "file": str(src / "clean.c"),
           "arguments": ["gcc", "-c", "-o", "clean.o", "clean.c"]},
          {"directory": str(src), "file": "broken.c",
           "command": "gcc -c broken.c"}]
    (top / "compile_commands.json").write_text(json.dumps(db, indent=1))
    return top


def unfence(path):
    text = path.read_text()
    assert FENCE in text
    path.write_text(text.replace(FENCE, ""))


def gcc_args(top):
    return ["--compile-commands", str(top / "compile_commands.json"),
            "--root", str(top)]


def test_tree_mode_checks_with_real_flags_and_goes_on(fake_tree):
    r = run(gcc_args(fake_tree) + ["drivers/foo"], fake_tree)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    assert re.search(r"^teardown-check: drivers/foo/broken\.c: does not "
                     r"compile: .*broken\.c:3:\d+: error: expected", r.stderr,
                     re.M), r.stderr
    assert summary(r.stderr) == (3, "gcc", 0)
    assert re.search(r"1 drivers", r.stderr), r.stderr
    assert "not checked or not wholly: 1 does not compile" in r.stderr
    r = run(gcc_args(fake_tree) + ["--strict", "drivers/foo"], fake_tree)
    assert r.returncode == 2, r.stderr
    # progress (on by default when stderr is a terminal): files done of
    # all, findings so far, time left; the line is wiped at the end
    err = subprocess.run([CHECKER, "--progress", "-j1"] + gcc_args(fake_tree) +
                         ["drivers/foo"], cwd=fake_tree, capture_output=True,
                         timeout=600).stderr.decode()    # keep the \r
    assert re.search(r"\r\x1b\[Kteardown-check: 3/3 files, 0 findings so "
                     r"far, \d+:\d\d left", err), repr(err)
    assert "\r\x1b[Kteardown-check: 3 files" in err, repr(err)


def test_text_json_and_sarif_name_a_finding(fake_tree, sarif_validator):
    unfence(fake_tree / "drivers/foo/foo.c")
    r = run(gcc_args(fake_tree) + ["drivers/foo"], fake_tree)
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    assert re.match(r"drivers/foo/foo\.c:19:\d+: warning: work 'priv\.work' "
                    r"initialised in foo_probe\(\) is never cancelled on "
                    r"remove; add cancel_work_sync\(&priv\.work\) to "
                    r"foo_remove\(\) \[teardown-work\]$", lines[0]), lines
    assert re.match(r"drivers/foo/foo\.c:23:\d+: note: foo_remove\(\) is the "
                    r"remove path of 'foo_driver'", lines[1]), lines
    assert re.match(r"drivers/foo/foo\.c:25:1: note: fix: insert "
                    r"'cancel_work_sync\(&priv\.work\);' before this line$",
                    lines[2]), lines
    assert summary(r.stderr) == (3, "gcc", 1)

    r = run(gcc_args(fake_tree) + ["--format", "json", "drivers/foo"],
            fake_tree)
    doc = json.loads(r.stdout)
    assert doc["frontend"] == "gcc" and doc["root"] == str(fake_tree)
    [f] = doc["findings"]
    assert (f["file"], f["line"], f["tag"], f["driver"], f["function"]) == \
        ("drivers/foo/foo.c", 19, "teardown-work", "foo_driver", "foo_probe")
    assert "foo_priv" in f["resource"] and re.match(r"[0-9a-f]{16}$",
                                                    f["fingerprint"])
    assert f["fix"] == {"file": "drivers/foo/foo.c", "line": 25, "column": 1,
                        "insert": "cancel_work_sync(&priv.work);"}

    r = run(gcc_args(fake_tree) + ["--format=sarif", "drivers/foo"],
            fake_tree)
    assert r.returncode == 1
    sarif = json.loads(r.stdout)
    sarif_validator(sarif)
    [run0] = sarif["runs"]
    [res] = run0["results"]
    assert res["ruleId"] == "teardown-work"
    # the tag is the ruleId: the message does not repeat it
    assert not res["message"]["text"].endswith("]"), res["message"]
    assert res["message"]["text"] in f["message"], (res["message"], f)
    assert run0["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == \
        "teardown-work"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "drivers/foo/foo.c",
                                       "uriBaseId": "SRCROOT"}
    assert loc["region"]["startLine"] == 19
    assert res["partialFingerprints"] == {"teardownCheck/v1":
                                          f["fingerprint"]}
    assert run0["originalUriBaseIds"]["SRCROOT"]["uri"] == \
        "file://%s/" % fake_tree
    change = res["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == \
        "\tcancel_work_sync(&priv.work);\n"


def test_findings_that_cannot_be_written_are_an_error(fake_tree):
    """A gate must not pass when its report went nowhere (a full disk)."""
    for fmt in ("json", "sarif"):
        with open("/dev/full", "w") as full:
            r = subprocess.run(
                [CHECKER] + gcc_args(fake_tree) + ["--format", fmt,
                                                   "drivers/foo"],
                cwd=fake_tree, stdout=full, stderr=subprocess.PIPE,
                text=True, timeout=600)
        assert r.returncode == 2, r.stderr
        assert "teardown-check: cannot write the findings: No space left" \
            in r.stderr, r.stderr


def test_enable_and_disable_by_tag(fake_tree):
    unfence(fake_tree / "drivers/foo/foo.c")
    base = gcc_args(fake_tree) + ["drivers/foo"]
    for opts, n in ((["--disable", "teardown-work"], 0),
                    (["--enable=teardown-irq,teardown-timer"], 0),
                    (["--enable", "teardown-work"], 1)):
        r = run(opts + base, fake_tree)
        assert summary(r.stderr)[2] == n, (opts, r.stderr)
        assert r.returncode == (1 if n else 0)


def test_baseline_hides_known_findings_by_fingerprint(fake_tree, tmp_path):
    foo = fake_tree / "drivers/foo/foo.c"
    unfence(foo)
    base = tmp_path / "baseline.txt"
    args = gcc_args(fake_tree) + ["drivers/foo"]
    r = run(args + ["--write-baseline", str(base)], fake_tree)
    assert r.returncode == 0, r.stderr
    text = base.read_text().splitlines()
    assert text[0].startswith("# teardown-check baseline") and \
        text[1] == "# frontend gcc" and len(text) == 3, text
    fields = text[2].split("\t")
    assert fields[1:5] == ["teardown-work", "drivers/foo/foo.c",
                           "foo_driver", "foo_probe"], fields

    r = run(args + ["--baseline", str(base)], fake_tree)
    assert r.returncode == 0 and r.stdout == "", r.stdout + r.stderr
    assert "0 new findings" in r.stderr and "1 in the baseline" in r.stderr

    # an unrelated edit moves the finding: it stays known
    foo.write_text("/* a comment\n * two lines */\n" + foo.read_text())
    r = run(args + ["--baseline", str(base)], fake_tree)
    assert r.returncode == 0, r.stdout + r.stderr

    # a second driver with the same bug is new
    second = foo.read_text().replace("foo_", "bar_")
    (fake_tree / "drivers/foo/bar.c").write_text(second)
    db = json.loads((fake_tree / "compile_commands.json").read_text())
    db.append(dict(db[0], file="bar.c", command="gcc -c bar.c"))
    (fake_tree / "compile_commands.json").write_text(json.dumps(db))
    r = run(args + ["--baseline", str(base), "--format", "json"], fake_tree)
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    assert [f["file"] for f in doc["findings"]] == ["drivers/foo/bar.c"]
    assert doc["baselined"] == 1


def test_since_checks_only_changed_files(fake_tree):
    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t",
                        "-C", str(fake_tree)] + list(args), check=True,
                       capture_output=True)
    (fake_tree / "drivers/foo/util.h").write_text("/* util */\n")
    clean = fake_tree / "drivers/foo/clean.c"
    clean.write_text('#include "util.h"\n' + clean.read_text())
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "base")
    args = gcc_args(fake_tree) + ["drivers/foo"]
    r = run(["--since", "HEAD"] + args, fake_tree)
    assert r.returncode == 0 and summary(r.stderr)[0] == 0, r.stderr
    unfence(fake_tree / "drivers/foo/foo.c")
    r = run(["--since", "HEAD"] + args, fake_tree)
    assert r.returncode == 1 and summary(r.stderr)[:1] == (1,), r.stderr
    (fake_tree / "drivers/foo/new.c").write_text("int x;\n")
    r = run(["--since", "HEAD"] + args, fake_tree)
    assert summary(r.stderr)[0] == 2, r.stderr     # and the untracked one
    (fake_tree / "drivers/foo/util.h").write_text("/* changed */\n")
    r = run(["--since", "HEAD"] + args, fake_tree)
    assert summary(r.stderr)[0] == 3, r.stderr     # clean.c includes it
    r = run(["--since", "no-such-rev"] + args, fake_tree)
    assert r.returncode == 2 and "--since no-such-rev: git says:" in r.stderr


def test_cocci_front_end_without_a_build(fake_tree, tmp_path):
    unfence(fake_tree / "drivers/foo/foo.c")
    r = run(["--format", "json", "--root", str(fake_tree), "drivers/foo"],
            fake_tree)
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    assert doc["frontend"] == "cocci"
    assert [(f["file"], f["tag"], f["resource"], f["function"])
            for f in doc["findings"]] == \
        [("drivers/foo/foo.c", "teardown-work", "priv.work", "foo_probe")]
    assert re.search(r"drivers/foo/broken\.c: spatch cannot parse all of "
                     r"it.*: line \d+$", r.stderr, re.M), r.stderr
    # a gcc baseline does not silently apply to the other front end
    base = tmp_path / "gcc.txt"
    run(gcc_args(fake_tree) + ["--write-baseline", str(base), "drivers/foo"],
        fake_tree)
    r = run(["--baseline", str(base), "--root", str(fake_tree),
             "drivers/foo"], fake_tree)
    assert r.returncode == 2 and re.search(
        r"gcc\.txt:2: the baseline was written by the gcc front end and "
        r"this run uses cocci", r.stderr), r.stderr


BAD_INPUTS = [
    (["--bogus", "drivers"], r"unknown option '--bogus' \(see --help\)"),
    (["--format", "xml", "drivers"], r"unknown format 'xml': text, json or "
                                     r"sarif"),
    ([], r"nothing to check: give a PATH"),
    (["empty-build"], r"nothing to check: no \.c file under empty-build"),
    (["no/such/dir"], r"cannot read 'no/such/dir'"),
    (["-j", "zero", "drivers"], r"-j needs a number of jobs"),
    (["-j", "1.5", "drivers"], r"-j needs a number of jobs, not '1\.5'"),
    (["--write-baseline", "base", "--since", "HEAD", "drivers"],
     r"--write-baseline with --since would keep only the changed files' "
     r"findings"),
    (["--baseline", "a", "--baseline", "b", "drivers"],
     r"--baseline given twice"),
    (["--write-baseline", "no/such/dir/base", "drivers"],
     r"cannot write the baseline 'no/such/dir/base': its directory is not "
     r"writable"),
    (["--enable", "teardown-wrok", "drivers"],
     r"unknown check tag 'teardown-wrok'"),
    (["--build", "no/such/build", "drivers"],
     r"cannot read the build directory 'no/such/build'"),
    (["--build", "empty-build", "drivers"],
     r"'empty-build' is not a kernel build directory \(no \.config\)"),
    (["--build", "unprepared-build", "drivers"],
     r"the kernel build directory 'unprepared-build' is not prepared: run "
     r"make O=DIR modules_prepare"),
    (["--compile-commands", "broken.json", "drivers"],
     r"broken\.json:3: "),
    (["--compile-commands", "no-such.json", "drivers"],
     r"no-such\.json: cannot read"),
    (["--compile-commands", "no-file.json", "drivers"],
     r"no-file\.json: entry 2 has no \"file\""),
    (["--compile-commands", "not-array.json", "drivers"],
     r"not-array\.json: not an array of entries"),
    (["--compile-commands", "compile_commands.json", "--baseline",
      "no-such-baseline", "drivers"], r"no-such-baseline: cannot read the "
                                      r"baseline"),
    (["--compile-commands", "compile_commands.json", "--baseline",
      "bad-baseline", "drivers"], r"bad-baseline:3: not a baseline entry"),
    (["--compile-commands", "compile_commands.json", "--baseline",
      "compile_commands.json", "drivers"],
     r"compile_commands\.json:1: not a teardown-check baseline"),
    (["--compile-commands", "compile_commands.json", "--plugin",
      "not-a-plugin.so", "drivers"], r"'gcc' cannot load the plugin"),
    (["--since", "HEAD", "drivers"], r"not in a git work tree"),
]


@pytest.mark.parametrize("args,message", BAD_INPUTS,
                         ids=[" ".join(a) or "none" for a, _ in BAD_INPUTS])
def test_bad_input_is_one_line_and_exit_2(fake_tree, args, message):
    (fake_tree / "empty-build").mkdir()
    (fake_tree / "unprepared-build").mkdir()
    (fake_tree / "unprepared-build/.config").write_text("CONFIG_X=y\n")
    (fake_tree / "broken.json").write_text('[\n {"directory": "/",\n'
                                           '  "file" "x.c"}\n]\n')
    (fake_tree / "no-file.json").write_text(
        '[{"directory": "/", "file": "x.c", "command": "gcc x.c"},\n'
        ' {"directory": "/", "command": "gcc y.c"}]\n')
    (fake_tree / "not-array.json").write_text('{"directory": "/"}\n')
    (fake_tree / "bad-baseline").write_text(
        "# teardown-check baseline\n# frontend gcc\nnot-a-fingerprint\n")
    (fake_tree / "not-a-plugin.so").write_text("garbage\n")
    scratch = fake_tree / "tmp"
    scratch.mkdir()
    r = run(args, fake_tree, env=dict(os.environ, TMPDIR=str(scratch)))
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert not os.listdir(scratch), "scratch directory left behind"
    errors = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(errors) == 1 and re.match(r"teardown-check: .*" + message,
                                         errors[0]), r.stderr


def test_missing_spatch_is_named(fake_tree, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    r = run(["drivers/foo"], fake_tree, env=dict(os.environ, PATH=str(empty)))
    assert r.returncode == 2 and r.stderr.strip() == \
        "teardown-check: spatch not found: apt-get install coccinelle " \
        "(or give --build DIR)", r.stderr


def test_help_and_man_page_list_every_option():
    r = subprocess.run([CHECKER, "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", r.stdout))
    assert {"--build", "--compile-commands", "--format", "--baseline",
            "--write-baseline", "--since", "--enable", "--disable",
            "--also-sparse", "--strict", "--cocci"} <= options, options
    man = os.path.join(os.path.dirname(TESTCASES), "docs", "teardown-check.1")
    with open(man) as f:
        page = f.read().replace("\\-", "-")
    missing = sorted(o for o in options if o not in page)
    assert not missing, missing
    r = subprocess.run(["man", "-l", man], capture_output=True, text=True,
                       env=dict(os.environ, MANPAGER="cat", MANWIDTH="80"))
    assert r.returncode == 0 and "teardown-check" in r.stdout, r.stderr


# ------------------------------------------------------------ real tree

@pytest.mark.kernel
@pytest.mark.parametrize("directory", DIRECTORIES)
def test_tree_mode_whole_directory(every_kernel, directory):
    """Every .c file of the directory, each with kbuild's own flags."""
    kernel = every_kernel
    r = run(["--build", kernel.build, "-j%d" % os.cpu_count(), "--format",
             "json", directory], kernel.src, env=kernel.env(), timeout=3000)
    assert r.returncode in (0, 1), r.stderr[-3000:]
    assert "the checker failed on it" not in r.stderr, r.stderr
    doc = json.loads(r.stdout)
    got = set()
    for f in doc["findings"]:
        resource = re.search(r"'([^']+)'", f["message"]).group(1)
        got.add((f["file"], f["tag"], resource))
        assert re.match(r"[0-9a-f]{16}$", f["fingerprint"])
    want = expected_findings(directory, kernel.version) | \
        TREE_EXTRA.get(directory, set())
    assert got == want, "new: %s\nmissing: %s" % (sorted(got - want),
                                                  sorted(want - got))
    files = sorted(os.path.relpath(os.path.join(d, n), kernel.src)
                   for d, _, names in os.walk(os.path.join(kernel.src,
                                                           directory))
                   for n in names if n.endswith(".c"))
    assert summary(r.stderr)[:2] == (len(files), kernel.front_end)
    # what was not checked is named with a reason, and is never a file
    # this configuration builds
    skipped = re.findall(r"^teardown-check: (\S+\.c): (kbuild cannot "
                         r"preprocess it|does not compile): \S", r.stderr,
                         re.M)
    for path, _ in skipped:
        obj = os.path.join(kernel.build, path[:-2] + ".o")
        assert not os.path.exists(obj), path
    assert len(skipped) < len(files) // 4, skipped
    assert int(re.search(r", (\d+) drivers", r.stderr).group(1)) >= 40
    # kbuild's scratch files are gone
    left = [n for _, _, names in os.walk(os.path.join(kernel.build,
                                                      directory))
            for n in names if n.endswith(".i") or n.endswith(".i.cmd")]
    assert not left, left


def kernel_compile_commands(kernel, directory, out):
    """compile_commands.json for the directory, by the kernel's script."""
    script = os.path.join(kernel.src, "scripts", "clang-tools",
                          "gen_compile_commands.py")
    subprocess.run([sys.executable, script, "-d", kernel.build, "-o", out,
                    os.path.join(kernel.build, directory)], check=True,
                   capture_output=True, timeout=600)
    with open(out) as f:
        return json.load(f)


@pytest.mark.kernel
def test_compile_commands_json_from_the_kernel_script(kernel, tmp_path):
    directory = "drivers/rtc"
    db = kernel_compile_commands(kernel, directory, str(tmp_path / "cc.json"))
    assert len(db) >= 100
    r = run(["--compile-commands", str(tmp_path / "cc.json"), "-j2",
             "--format", "json", directory], kernel.src, env=kernel.env(),
             timeout=3000)
    assert r.returncode == 1, r.stderr[-3000:]
    got = {(f["file"], f["tag"], re.search(r"'([^']+)'", f["message"])
            .group(1)) for f in json.loads(r.stdout)["findings"]}
    assert got == expected_findings(directory, kernel.version)
    # files the database does not list are named, not guessed
    assert re.search(r"^teardown-check: drivers/rtc/rtc-ps3\.c: not in "
                     r"compile_commands\.json$", r.stderr, re.M), r.stderr


@pytest.fixture(scope="module")
def rtc_copy(gcc_kernel, tmp_path_factory):
    """drivers/rtc copied into a git work tree, with a compile database
    that compiles the copies with kbuild's real flags.  The gcc build's
    only: baselines and --since do not depend on the front end, whose
    findings and fingerprints test_clang.py compares on a directory."""
    kernel = gcc_kernel
    top = tmp_path_factory.mktemp("gate") / "linux"
    shutil.copytree(os.path.join(kernel.src, "drivers/rtc"),
                    top / "drivers/rtc")
    db = kernel_compile_commands(kernel, "drivers/rtc",
                                 str(top.parent / "kbuild.json"))
    for entry in db:
        rel = os.path.relpath(entry["file"], kernel.src)
        argv = shlex.split(entry["command"])
        copy = str(top / rel)
        # the copy's own directory first, for its local headers
        argv = [copy if a == entry["file"] or
                os.path.normpath(os.path.join(entry["directory"], a)) ==
                entry["file"] else a for a in argv]
        argv.insert(1, "-I" + os.path.dirname(entry["file"]))
        entry.update(file=copy, command=shlex.join(argv))
    (top / "compile_commands.json").write_text(json.dumps(db))
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "6.12"]):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t",
                        "-C", str(top)] + args, check=True,
                       capture_output=True)
    return top


@pytest.mark.kernel
@pytest.mark.parametrize("frontend", ["gcc", "cocci"])
def test_gate_on_the_real_tree(rtc_copy, tmp_path, frontend,
                               sarif_validator):
    top = rtc_copy
    subprocess.run(["git", "-C", str(top), "checkout", "-q", "."],
                   check=True)
    fe = ["--compile-commands", str(top / "compile_commands.json")] \
        if frontend == "gcc" else ["--cocci"]
    args = fe + ["--root", str(top), "-j2", "drivers/rtc"]
    base = tmp_path / "baseline"
    r = run(args + ["--write-baseline", str(base)], top, timeout=3000)
    assert r.returncode == 0, r.stderr[-3000:]
    known = [l for l in base.read_text().splitlines()
             if not l.startswith("#")]
    assert known, "the directory has findings to hide"

    r = run(args + ["--baseline", str(base), "--format", "sarif"], top,
            timeout=3000)
    assert r.returncode == 0, r.stderr[-3000:]
    sarif = json.loads(r.stdout)
    sarif_validator(sarif)
    assert sarif["runs"][0]["results"] == []

    # an unrelated edit above a known finding changes no fingerprint
    test = top / "drivers/rtc/rtc-test.c"
    test.write_text("/* unrelated */\n\n" + test.read_text())
    # a new bug: ds1374's remove no longer cancels its work
    ds = top / "drivers/rtc/rtc-ds1374.c"
    text = ds.read_text()
    line = "\tcancel_work_sync(&ds1374->work);\n"
    assert text.count(line) == 1
    ds.write_text(text.replace(line, ""))
    for since in ([], ["--since", "HEAD"]):
        r = run(args + since + ["--baseline", str(base), "--format",
                                "sarif"], top, timeout=3000)
        assert r.returncode == 1, r.stderr[-3000:]
        sarif = json.loads(r.stdout)
        sarif_validator(sarif)
        [res] = sarif["runs"][0]["results"]
        assert res["ruleId"] == "teardown-work", res
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "drivers/rtc/rtc-ds1374.c"
        assert "'ds1374->work'" in res["message"]["text"], res
        if since:
            assert summary(r.stderr)[0] == 2, r.stderr


@pytest.mark.kernel
def test_kbuild_mode_also_runs_sparse(kernel, tmp_path):
    """make C=2 CHECK="teardown-check --also-sparse": both checkers' output."""
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "Makefile").write_text("obj-m += both.o\n")
    (mod / "both.c").write_text(
        "#include <linux/module.h>\n"
        "#include <linux/platform_device.h>\n"
        "#include <linux/workqueue.h>\n\n"
        "struct both { struct work_struct work; };\n\n"
        "static void both_work(struct work_struct *w)\n{\n}\n\n"
        "static int both_peek(void __iomem *base)\n{\n"
        "\treturn *(int *)base;\n}\n\n"
        "static int both_probe(struct platform_device *pdev)\n{\n"
        "\tstruct both *b = devm_kzalloc(&pdev->dev, sizeof(*b), "
        "GFP_KERNEL);\n\n"
        "\tif (!b || both_peek(NULL))\n\t\treturn -ENOMEM;\n"
        "\tINIT_WORK(&b->work, both_work);\n"
        "\tplatform_set_drvdata(pdev, b);\n\treturn 0;\n}\n\n"
        "static void both_remove(struct platform_device *pdev)\n{\n}\n\n"
        "static struct platform_driver both_driver = {\n"
        "\t.probe = both_probe,\n\t.remove_new = both_remove,\n"
        "\t.driver = { .name = \"both\" },\n};\n"
        "module_platform_driver(both_driver);\nMODULE_LICENSE(\"GPL\");\n")
    for extra, sparse in (("", False), (" --also-sparse", True)):
        r = kernel.make("M=" + str(mod), "C=2", "CHECK=" + CHECKER + extra,
                        "both.o", timeout=900)
        out = r.stdout + r.stderr
        assert r.returncode == 0, out[-3000:]
        assert re.search(r"both\.c:\d+:\d+: warning: work 'b->work' "
                         r"initialised in both_probe\(\).*\[teardown-work\]",
                         out), out[-3000:]
        said = re.search(r"both\.c:\d+:\d+: warning: cast removes address "
                         r"space '__iomem' of expression", out)
        assert bool(said) == sparse, out[-3000:]
