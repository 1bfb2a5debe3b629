"""The recall corpus (issue 21): teardown fixes the kernel made between
Linux 6.12 and 7.3, each undone in the 7.3 file.

testcases/recall/corpus.jsonl holds one case a line (README.md there says
how they were mined and read): the file, the resource, its family, the
shape of the fix (remove, order, error-path), the lifecycle, and 'edits'
that put the bug back (testcases/recall/undo.py).  A case is caught when
the buggy version gets a finding about its resource that the fixed one
does not; 'caught' records what the benchmark measured at the default
confidence ('low' if only --confidence=low shows it), 'miss' why it is
missed.  test_recall.py checks that recall per shape never falls below
the record; bench/recall.sh prints the tables.

    python3 testcases/recall_corpus.py [--update] [-v]

runs every case on the prepared 7.3 tree and prints the tables; with
--update it rewrites each case's 'caught' (not 'miss', which is read);
with -v it lists every case first.
"""

import collections
import concurrent.futures
import glob
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "recall", "corpus.jsonl")
sys.path.insert(0, os.path.join(HERE, "recall"))

KERNEL = "7.3"
SHAPES = ("remove", "order", "error-path")
# Why a case is missed, in the words of issue 21.
CAUSES = {
    "files": "the setup or teardown is spread over several files",
    "lifecycle": "a lifecycle other than probe/remove",
    "unregister": "a subsystem unregister that fences callbacks",
    "library": "a helper of a library module",
    "error-walk": "the error-path walk",
    "rules": "the rules (an API or family they do not model)",
    "keys": "the resource's key (an array, a list, a copy the engine loses)",
    "callback": "set up in a callback or an op, not in the setup half",
    "objects": "a use of an object the rules do not model (the hci or "
               "drm device a work uses, a clock, runtime PM, devres groups)",
    "config": "code x86_64 allmodconfig does not compile (IS_ENABLED())",
    "other": "something else (said in 'why_missed')",
}


def load(path=CORPUS):
    cases = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                case = json.loads(line)
                case["id"] = "%s:%s:%s" % (case["path"], case["family"],
                                           case["resource"])
                case["lineno"] = n
                cases.append(case)
    return cases


def bare(resource):
    """A resource's name as findings and cases may both write it."""
    return resource.replace("&", "").replace(" ", "").strip("()")


def about(finding_resource, resource):
    """Is a finding's resource the case's?  The same expression, or the
    same member of a struct reached by another name (priv->work and
    dev->work in remove())."""
    a, b = bare(finding_resource), bare(resource)
    if a == b:
        return True
    last = lambda s: s.replace("->", ".").split(".")[-1]
    return "." in a.replace("->", ".") and last(a) == last(b)


def resource_of(msg):
    """The first quoted name of a message: the resource reported."""
    parts = msg.split("'")
    return parts[1] if len(parts) > 2 else ""


def check(kernel, case, level, source=None):
    """{(tag, resource)} of one run of the plugin on the case's object (on
    'source' instead of its file when given) at confidence 'level', and
    its stats; (None, stderr) when it does not compile."""
    from conftest import kbuild_check_argv, run_checker
    try:
        argv = kbuild_check_argv(kernel, case["obj"], source)
    except AssertionError as e:     # kbuild cannot build the object alone
        return None, str(e)
    rc, found, _, stats, err = run_checker(["--confidence=" + level] + argv,
                                           kernel.build)
    if rc != 0:
        return None, err
    return {(f[2], resource_of(f[3])) for f in found}, stats


FINDING = re.compile(r"^\S+:\d+:\d+: warning: (.*) \[(teardown-[a-z-]+)\]$")


def link_files(kernel, case):
    """The files a case's driver is linked with: the case's 'link' list,
    else every .c of its directory."""
    if case.get("link"):
        return sorted(case["link"])
    return sorted(os.path.relpath(p, kernel.src) for p in glob.glob(
        os.path.join(kernel.src, os.path.dirname(case["path"]), "*.c")))


def link_db(kernel, files):
    """A facts database of the files as the tree has them, kept in the
    cache: a rerun compiles nothing that has not changed."""
    from conftest import CACHE, CHECKER
    key = hashlib.sha1("\n".join(files).encode()).hexdigest()[:16]
    db = os.path.join(CACHE, "recall-db", kernel.version, key + ".db")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    subprocess.run([CHECKER, "--build", kernel.build, "--db", db,
                    "--quiet", "--no-progress"] +
                   [os.path.join(kernel.src, f) for f in files],
                   capture_output=True, text=True, timeout=3600,
                   env=kernel.env())
    return db


def linked_check(kernel, case, level, source=None, db=None):
    """{(tag, resource)} the linked judgement of the case's files reports
    (--link of their database), with 'source' in place of the case's file
    when given: the database is copied, the file's unit dropped, and the
    mutated copy checked into it as make C=1 would.  (None, why) when the
    copy does not check."""
    from conftest import CHECKER, kbuild_check_argv
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "facts.db")
        shutil.copy(db, copy)
        if source:
            con = sqlite3.connect(copy)
            ids = [r[0] for r in con.execute(
                "SELECT id FROM units WHERE file = ?", (case["path"],))]
            for i in ids:
                for sql in ("DELETE FROM symbols WHERE unit = ?",
                            "DELETE FROM ops WHERE unit = ?",
                            "DELETE FROM units WHERE id = ?"):
                    con.execute(sql, (i,))
            con.commit()
            con.close()
            argv = kbuild_check_argv(kernel, case["obj"], source)
            r = subprocess.run([CHECKER, "--db=" + copy] + argv,
                               cwd=kernel.build, capture_output=True,
                               text=True, timeout=600)
            if r.returncode != 0:
                return None, r.stderr
        r = subprocess.run([CHECKER, "--link", "--confidence=" + level,
                            "--root", kernel.src, copy],
                           capture_output=True, text=True, timeout=600)
        if r.returncode not in (0, 1):
            return None, r.stderr
    return {(m.group(2), resource_of(m.group(1)))
            for m in map(FINDING.match, r.stdout.splitlines()) if m}, None


def run_case(kernel, case, levels=("medium",)):
    """{'caught': 'yes'|'low'|'no', 'fixed_false': [...]} for one case
    ('low' only when levels has it), or {'error': text} when a version
    does not check."""
    from conftest import mutated_source
    from undo import undo
    with tempfile.TemporaryDirectory() as tmp:
        def edit(lines, path):
            lines[:] = undo(lines, case["edits"], path)
        try:
            source = mutated_source(kernel, case["path"], tmp, edit)
        except ValueError as e:
            return {"error": str(e)}
        new, false = {}, []
        db = link_db(kernel, link_files(kernel, case)) \
            if case.get("linked") else None
        for level in levels:
            fixed, info = check(kernel, case, level)
            if fixed is None:
                return {"error": info[-1500:]}
            buggy, info = check(kernel, case, level, source)
            if buggy is None:
                return {"error": info[-1500:]}
            if db:
                # a driver spread over files: judged with all of them
                lfixed, info = linked_check(kernel, case, level, db=db)
                if lfixed is None:
                    return {"error": info[-1500:]}
                lbuggy, info = linked_check(kernel, case, level, source,
                                            db)
                if lbuggy is None:
                    return {"error": info[-1500:]}
                fixed, buggy = fixed | lfixed, buggy | lbuggy
            new[level] = [f for f in buggy - fixed
                          if about(f[1], case["resource"])]
            if level == "medium":
                false = sorted("%s %s" % f for f in fixed
                               if about(f[1], case["resource"]))
    caught = ("yes" if new.get("medium") else
              "low" if new.get("low") else "no")
    return {"caught": caught, "fixed_false": false}


def run_all(kernel, cases, levels=("medium",), jobs=None):
    kernel.prebuild(c["obj"] for c in cases)
    jobs = jobs or os.cpu_count()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda c: run_case(kernel, c, levels),
                                cases))
    return dict(zip((c["id"] for c in cases), results))


def rate(cases, key):
    """Caught / counted per value of key (compiled cases only)."""
    out = collections.OrderedDict()
    for c in sorted(cases, key=lambda c: c[key]):
        got = out.setdefault(c[key], [0, 0])
        got[1] += 1
        got[0] += c["caught"] == "yes"
    return out


def table(cases):
    """The benchmark's tables, in markdown."""
    counted = [c for c in cases if c.get("caught") in ("yes", "low", "no")]
    lines = ["| by | value | cases | caught | recall | at low only |",
             "| --- | --- | --- | --- | --- | --- |"]
    for key in ("shape", "family"):
        for value, (got, n) in rate(counted, key).items():
            low = sum(1 for c in counted
                      if c[key] == value and c["caught"] == "low")
            lines.append("| %s | %s | %d | %d | %d%% | %d |" % (
                key, value, n, got, 100 * got // n, low))
    got = sum(1 for c in counted if c["caught"] == "yes")
    lines.append("| all | | %d | %d | %d%% | %d |" % (
        len(counted), got, 100 * got // max(len(counted), 1),
        sum(1 for c in counted if c["caught"] == "low")))
    misses = collections.Counter(c.get("miss", "unread") for c in counted
                                 if c["caught"] != "yes")
    lines += ["", "| why missed | cases |", "| --- | --- |"]
    for cause, n in misses.most_common():
        lines.append("| %s | %d |" % (CAUSES.get(cause, cause), n))
    return "\n".join(lines)


def main(argv):
    from conftest import CACHE, Kernel
    update = "--update" in argv
    kernel = Kernel(os.path.join(CACHE, "linux-source-" + KERNEL), "gcc",
                    KERNEL)
    cases = load()
    results = run_all(kernel, cases, ("medium", "low"))
    bad = 0
    for c in cases:
        r = results[c["id"]]
        if "error" in r:
            print("recall: %s does not check: %s" % (
                c["id"], r["error"].strip().splitlines()[-1:]),
                file=sys.stderr)
            bad += 1
            continue
        if r["fixed_false"]:
            print("recall: %s: the fixed version is reported: %s" % (
                c["id"], ", ".join(r["fixed_false"])), file=sys.stderr)
        c["measured"] = r["caught"]
    if update:
        with open(CORPUS, "w") as f:
            for c in cases:
                if "measured" in c:
                    c["caught"] = c["measured"]
                f.write(json.dumps({k: v for k, v in c.items()
                                    if k not in ("id", "lineno",
                                                 "measured")}) + "\n")
    for c in cases:
        c["caught"] = c.get("measured", "error")
        if "-v" in argv:
            print("%s\t%s\t%s\t%s\t%s" % (c["caught"], c["shape"], c["id"],
                  c["lifecycle"], c.get("miss", "")))
    print(table(cases))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
