#!/usr/bin/env python3
"""Sanity-check testcases/real_drivers.py against the unpacked kernel tree.

For every entry: the file exists, `delete` matches exactly one line, and
(if the allmodconfig build dir exists) `config` is =m or =y there.
Usage: check_real_drivers.py [KERNEL_SRC]   (default: the prepare-kernel.sh cache)
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real_drivers import DRIVERS  # noqa: E402

cache = os.environ.get("TEARDOWN_CACHE") or os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "teardown-check")
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(cache, "linux-source-6.12")

config = {}
dotconfig = os.path.join(src, "build", ".config")
if os.path.exists(dotconfig):
    for line in open(dotconfig):
        m = re.match(r"(CONFIG_\w+)=(\S+)", line)
        if m:
            config[m.group(1)] = m.group(2)

bad = 0
families = {}
for d in DRIVERS:
    path = os.path.join(src, d["path"])
    problems = []
    if not os.path.exists(path):
        problems.append("missing file")
        hits = []
    else:
        lines = open(path, errors="replace").read().split("\n")
        hits = [i + 1 for i, l in enumerate(lines) if re.search(d["delete"], l)]
        if len(hits) != 1:
            problems.append("delete regex matches %d lines" % len(hits))
    if config and config.get(d["config"]) not in ("m", "y"):
        problems.append("%s=%s" % (d["config"], config.get(d["config"])))
    fam = d["expect"]["family"]
    families[fam] = families.get(fam, 0) + 1
    bad += bool(problems)
    print("%-4s %-9s %-55s line %s %s" % ("BAD" if problems else "ok", fam, d["path"],
                                          hits[0] if len(hits) == 1 else hits,
                                          "; ".join(problems)))
print("%d entries, %d bad; per family: %s" % (len(DRIVERS), bad,
      ", ".join("%s=%d" % kv for kv in sorted(families.items()))))
sys.exit(1 if bad else 0)
