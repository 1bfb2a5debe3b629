"""The facts database and linking without a kernel (issue 22), in the fast
tier: testcases/facts/plain/ is a driver in plain C (its "kernel" API
declared under an include/ directory) whose work is set up in setup.c,
with two drivers in drivers.c: leaky_remove() never cancels its work,
clean_remove() has teardown.c cancel it.

Tree mode with a compile_commands.json links the three files and reports
the leaky driver only, where --no-link reports nothing; three shards
merged with --link report exactly what one run does; a rerun with --db
compiles only what changed (the source or a header it read); make C=1's
way (kbuild mode with --db=) then --link --linked-only gives the finding
too.  Bad databases get one line and exit 2, and are left as they were.
"""
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess

import pytest

from conftest import CHECKER, TESTCASES

PLAIN = os.path.join(TESTCASES, "facts", "plain")
FILES = ("drivers.c", "setup.c", "teardown.c")
LEAK = ("setup.c", 14, "teardown-work")


def run(argv, **kw):
    return subprocess.run([CHECKER] + argv, capture_output=True, text=True,
                          timeout=120, **kw)


@pytest.fixture
def plain(built, tmp_path):
    """A copy of the plain driver with its compile_commands.json."""
    work = str(tmp_path / "plain")
    shutil.copytree(PLAIN, work)
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": work, "file": name,
                    "arguments": ["gcc", "-O2", "-c", name, "-o",
                                  name[:-2] + ".o"]} for name in FILES], f)
    return work


def tree(work, *extra):
    """Tree mode on the copy; at low confidence, where what only linking
    finds is reported (docs/precision.md)."""
    return run(["--compile-commands",
                os.path.join(work, "compile_commands.json"), "--root", work,
                "--no-progress", "--confidence", "low"] + list(extra) +
               [work])


def findings(stdout):
    out = []
    for line in stdout.splitlines():
        m = re.match(r"^(\S+?):(\d+):\d+: warning: .*\[(teardown-[a-z-]+)\]$",
                     line)
        if m:
            out.append((m.group(1), int(m.group(2)), m.group(3)))
    return out


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def test_linked_across_files(plain):
    r = tree(plain)
    assert r.returncode == 1, r.stderr
    assert findings(r.stdout) == [LEAK], r.stdout
    assert "leaky_remove()" in r.stdout and "clean" not in r.stdout
    assert re.search(r"linked: 1 files judged with 2 other files", r.stderr)
    alone = tree(plain, "--no-link")
    assert alone.returncode == 0 and findings(alone.stdout) == [], alone.stdout
    default = run(["--compile-commands",
                   os.path.join(plain, "compile_commands.json"), "--root",
                   plain, "--no-progress", "--confidence", "medium", plain])
    assert default.returncode == 0 and findings(default.stdout) == []
    assert "1 findings of less than medium confidence" in default.stderr


def test_three_shards_merged_are_one_run(plain, tmp_path):
    one = tree(plain, "--format", "json")
    parts = []
    for k in (1, 2, 3):
        db = str(tmp_path / ("part%d.db" % k))
        r = tree(plain, "--shard", "%d/3" % k, "--db", db)
        assert r.returncode == 0 and r.stdout == "", r.stderr
        assert "shard %d/3: 1 files" % k in r.stderr
        parts.append(db)
    merged = run(["--link", "--root", plain, "--format", "json",
                  "--confidence", "low"] + parts)
    assert merged.returncode == one.returncode == 1, merged.stderr
    assert json.loads(merged.stdout)["findings"] == \
        json.loads(one.stdout)["findings"]


def test_rerun_compiles_only_what_changed(plain, tmp_path):
    db = str(tmp_path / "facts.db")
    first = tree(plain, "--db", db)
    again = tree(plain, "--db", db)
    assert "3 files unchanged" in again.stderr, again.stderr
    assert again.stdout == first.stdout
    with open(os.path.join(plain, "teardown.c"), "a") as f:
        f.write("/* touched */\n")
    r = tree(plain, "--db", db)
    assert "2 files unchanged" in r.stderr, r.stderr
    # a header every file reads
    with open(os.path.join(plain, "fw.h"), "a") as f:
        f.write("/* touched */\n")
    r = tree(plain, "--db", db)
    assert "unchanged" not in r.stderr, r.stderr
    assert findings(r.stdout) == [LEAK]


def test_kbuild_mode_then_link(plain, tmp_path):
    """make C=1's way: each file alone, its facts kept; --link after."""
    db = str(tmp_path / "build.db")
    for name in FILES:
        r = run(["--db=" + db, "-O2", name], cwd=plain)
        assert r.returncode == 0, r.stderr
        assert "teardown-work" not in r.stderr
    only = run(["--link", "--linked-only", "--confidence", "low", "--root",
                plain, db])
    assert only.returncode == 1, only.stderr
    assert findings(only.stdout) == [LEAK]
    con = sqlite3.connect(db)
    assert sorted(r[0] for r in con.execute("SELECT file FROM units")) == \
        sorted(os.path.join(plain, n) for n in FILES)
    assert ("leaky_setup",) in list(con.execute(
        "SELECT name FROM symbols JOIN units ON unit = id"
        " WHERE file LIKE '%setup.c'"))


def test_no_db_keeps_nothing(plain):
    r = run(["--no-db", "-O2", "setup.c"], cwd=plain)
    assert r.returncode == 0, r.stderr
    assert not os.path.exists(os.path.join(plain, "teardown-check.db"))
    r = run(["-O2", "setup.c"], cwd=plain)
    assert os.path.exists(os.path.join(plain, "teardown-check.db"))


def test_not_a_database(plain, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not SQLite\n" * 64)
    before = sha(str(bad))
    for argv in (["--link", str(bad)], ["--db", str(bad)]):
        r = run(argv) if argv[0] == "--link" else tree(plain, *argv)
        assert r.returncode == 2, r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and str(bad) in lines[0], r.stderr
    assert sha(str(bad)) == before


def test_somebody_elses_database_is_left_alone(plain, tmp_path):
    other = str(tmp_path / "other.db")
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE mine(x)")
    con.execute("INSERT INTO mine VALUES (42)")
    con.commit()
    con.close()
    before = sha(other)
    r = tree(plain, "--db", other)
    assert r.returncode == 2
    assert "not a teardown-check facts database" in r.stderr
    assert sha(other) == before


def test_old_schema(plain, tmp_path):
    """Rebuilt when checking into it; refused, untouched, when merged."""
    db = str(tmp_path / "old.db")
    tree(plain, "--db", db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 0")
    con.commit()
    con.close()
    before = sha(db)
    r = run(["--link", db])
    assert r.returncode == 2 and "another version" in r.stderr, r.stderr
    assert sha(db) == before
    r = tree(plain, "--db", db)
    assert r.returncode == 1 and findings(r.stdout) == [LEAK], r.stderr
    assert "unchanged" not in r.stderr


def test_corrupt_facts_are_named(plain, tmp_path):
    db = str(tmp_path / "facts.db")
    tree(plain, "--db", db)
    con = sqlite3.connect(db)
    con.execute("UPDATE units SET facts = x'0500000000000000deadbeef'"
                " WHERE file = 'drivers.c'")
    con.commit()
    con.close()
    r = run(["--link", "--root", plain, db])
    assert r.returncode == 0, r.stderr
    assert "drivers.c: its facts in the database do not read" in r.stderr


@pytest.mark.parametrize("argv,message", [
    (["--shard", "0/3", "--db", "x.db"], "--shard needs K/N"),
    (["--shard", "4/3", "--db", "x.db"], "--shard needs K/N"),
    (["--shard", "1/3"], "--shard needs --db"),
    (["--shard", "1/2", "--db", "x.db", "--baseline", "b"], "reports nothing"),
    (["--link", "--build", "b", "x.db"], "--link reads databases only"),
    (["--linked-only", "--no-link"], "--linked-only needs linking"),
])
def test_option_errors(plain, argv, message):
    r = run(argv + [plain])
    assert r.returncode == 2 and message in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
