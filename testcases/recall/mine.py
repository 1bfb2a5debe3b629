#!/usr/bin/env python3
"""Candidate teardown fixes between two kernel trees (issue 21, step 1).

    mine.py OLD-TREE NEW-TREE [DIR...] > candidates.txt
    mine.py --show OLD-TREE NEW-TREE < candidates.txt


For every .c file under DIR (default: drivers/, less the directories kept
for an independent evaluation) present in both trees, compares each
function present in both: the releases and fences it calls (the rules'
release, async and quiesce names, renamed APIs folded together), and
lists the functions where the new tree

  adds     calls a release more often, for a family whose acquisition both
           versions of the file make, or
  reorders two releases both versions make, or
  jumps    jumps to its error labels more often (a probe error path that
           now undoes what it set up: the release is already there), in a
           function that acquires something;
  calls    calls more often (or hands to devm_add_action*()) a function of
           the file that releases, through its own calls, what the
           directory acquires (a fix that calls an existing helper);

and, over the whole file (with --file), where the new tree

  file     calls a release more often in functions the old tree does not
           have (a fix that adds a helper), or
  managed  makes managed (devm_*, pcim_*, an autocancel, a devres action)
           an acquisition of a family the old file acquired unmanaged and
           never released.

A candidate is not a fix until someone has read both bodies: the output
is the reading list (testcases/recall/README.md says what happens next).
One line a candidate, tab-separated: file, function, shape, what changed.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "..", "rules", "teardown.rules")

# Held out of the mining (issue 21): an independent evaluation uses them.
HELD_OUT = ("drivers/media/", "drivers/usb/", "drivers/hid/")

# Source spellings the rules know by another name (GIMPLE sees the
# callee, the source the macro or the old name) and renames between
# the trees, folded so that a rename is no fix.
FOLD = {
    "del_timer_sync": "timer_delete_sync",
    "timer_shutdown_sync": "timer_delete_sync",
    "del_timer": "timer_delete",
    "timer_shutdown": "timer_delete",
    "disable_work_sync": "cancel_work_sync",
    "disable_delayed_work_sync": "cancel_delayed_work_sync",
    "kthread_stop_put": "kthread_stop",
    "hrtimer_try_to_cancel": "hrtimer_cancel",
    "pci_disable_msix": "pci_disable_msi",
    "devm_free_irq": "free_irq",
    "pci_free_irq": "free_irq",
    "pci_iounmap": "iounmap",
    "tasklet_disable": "tasklet_kill",
}
# Acquisitions as the source spells them, beyond the rules' names.
SOURCE_ACQUIRE = {
    "timer": ["setup_timer", "timer_setup", "DEFINE_TIMER", "init_timer"],
    "hrtimer": ["hrtimer_setup", "hrtimer_init"],
    "work": ["INIT_WORK", "DECLARE_WORK"],
    "dwork": ["INIT_DELAYED_WORK", "INIT_DEFERRABLE_WORK",
              "DECLARE_DELAYED_WORK"],
    "tasklet": ["DECLARE_TASKLET", "tasklet_init", "tasklet_setup"],
    "kthread": ["kthread_run", "kthread_create"],
    "region": ["request_mem_region", "request_region"],
    "irq": ["request_irq", "request_threaded_irq", "pci_request_irq"],
}
SOURCE_RELEASE = {
    "region": ["release_mem_region", "release_region"],
    "irq": ["synchronize_irq"],
    "workqueue": ["flush_workqueue", "drain_workqueue"],
}


def rules_names():
    """{family: acquire names}, {name: family} of releases and fences."""
    acquire, release = {}, {}
    with open(RULES) as f:
        for line in f:
            p = line.split()
            if len(p) < 3 or p[0].startswith("#"):
                continue
            kind, family, name = p[0], p[1], p[2]
            if kind in ("acquire", "macro"):
                acquire.setdefault(family, set()).add(name)
            elif kind in ("release", "async", "quiesce"):
                release[name] = family
    for family, names in SOURCE_ACQUIRE.items():
        acquire.setdefault(family, set()).update(names)
    for family, names in SOURCE_RELEASE.items():
        for n in names:
            release[n] = family
    for old, new in FOLD.items():
        release.setdefault(old, release.get(new))
    return acquire, release


FUNC_HEAD = re.compile(r"(\w+)\s*\([^;{]*$")
CALL = re.compile(r"\b(\w+)\s*\(")
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def functions(text):
    """{name: body} of a C file written in kernel style: a function's
    braces stand at the start of a line."""
    text = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = text.split("\n")
    out, i = {}, 0
    while i < len(lines):
        if lines[i].startswith("{"):
            head = " ".join(lines[max(0, i - 4):i])
            m = None
            for m in FUNC_HEAD.finditer(head):
                pass
            start = i
            i += 1
            while i < len(lines) and not lines[i].startswith("}"):
                i += 1
            if m and m.group(1) not in ("if", "while", "for", "switch"):
                out[m.group(1)] = (start + 1, lines[start:i + 1])
        i += 1
    return out


def releases(body, release):
    """The sequence of (folded name, family) of release calls in a body."""
    seq = []
    for line in body:
        for m in CALL.finditer(line):
            name = m.group(1)
            if name in release:
                seq.append(FOLD.get(name, name))
    return seq


def acquired_families(text, acquire):
    names = set(CALL.findall(text)) | set(re.findall(r"\b\w+\b", text))
    return {fam for fam, acq in acquire.items() if acq & names}


def order_pairs(seq):
    """Ordered pairs of distinct names, for names occurring once."""
    once = [n for n in seq if seq.count(n) == 1]
    return {(a, b) for i, a in enumerate(once) for b in once[i + 1:]}


GOTO = re.compile(r"\bgoto\s+\w+\s*;")


def acquires(body, acquire):
    names = set(CALL.findall("\n".join(body)))
    return any(acq & names for acq in acquire.values())


def callees(body, funcs):
    """How often a body calls (or names, as a devres action's callback)
    each function of its file."""
    out = {}
    for m in re.finditer(r"\b(\w+)\b", "\n".join(body)):
        if m.group(1) in funcs:
            out[m.group(1)] = out.get(m.group(1), 0) + 1
    return out


def transitive(funcs, release):
    """{function: set of release names it makes, itself or through the
    file's functions it calls}."""
    own = {n: set(releases(b, release)) for n, (_, b) in funcs.items()}
    calls = {n: set(callees(b, funcs)) - {n} for n, (_, b) in funcs.items()}
    out = {}
    for n in funcs:
        seen, todo, got = {n}, [n], set()
        while todo:
            f = todo.pop()
            got |= own[f]
            for g in calls[f] - seen:
                seen.add(g)
                todo.append(g)
        out[n] = got
    return out


def compare(path, old, new, fams, acquire, release):
    fo, fn = functions(old), functions(new)
    helpers = transitive(fo, release)
    for name in sorted(set(fo) & set(fn)):
        so, sn = releases(fo[name][1], release), releases(fn[name][1], release)
        added = []
        for r in sorted(set(sn)):
            fam = release.get(r)
            if sn.count(r) > so.count(r) and fam in fams:
                added.append("%s+%d" % (r, sn.count(r) - so.count(r)))
        if added:
            yield (path, name, fn[name][0], "adds", " ".join(added))
            continue
        po, pn = order_pairs(so), order_pairs(sn)
        swapped = sorted((a, b) for a, b in pn if (b, a) in po)
        if swapped:
            yield (path, name, fn[name][0], "reorders",
                   " ".join("%s<%s" % p for p in swapped))
            continue
        co, cn = callees(fo[name][1], fo), callees(fn[name][1], fo)
        more = ["%s(%s)" % (h, ",".join(sorted(r for r in helpers[h]
                                               if release.get(r) in fams)))
                for h in sorted(cn) if h != name and cn[h] > co.get(h, 0) and
                any(release.get(r) in fams for r in helpers[h])]
        if more:
            yield (path, name, fn[name][0], "calls", " ".join(more))
            continue
        go = len(GOTO.findall("\n".join(fo[name][1])))
        gn = len(GOTO.findall("\n".join(fn[name][1])))
        if gn > go and acquires(fn[name][1], acquire):
            yield (path, name, fn[name][0], "jumps", "goto+%d" % (gn - go))


def show(old_tree, new_tree, lines):
    """Each candidate with the unified diff of its function's two bodies."""
    import difflib
    for line in lines:
        path, name = line.split("\t")[:2]
        bodies = []
        for tree in (old_tree, new_tree):
            with open(os.path.join(tree, path), errors="replace") as f:
                text = f.read()
            # a whole-file candidate: the file's diff
            bodies.append(text.split("\n") if name == "-" else
                          functions(text).get(name, (0, []))[1])
        print("=== " + line.rstrip("\n"))
        sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(
            bodies[0], bodies[1], "old/" + path, "new/" + path, lineterm="",
            n=4))
    return 0


def managed_names(acquire):
    """{family: managed acquisitions}, devres actions under 'action'."""
    out = {}
    with open(RULES) as f:
        for line in f:
            p = line.split()
            if len(p) >= 3 and p[0] in ("acquire", "macro") and \
                    ("managed" in p or p[2].startswith(("devm_", "pcim_",
                                                        "dmam_"))):
                out.setdefault(p[1], set()).add(p[2])
            elif len(p) >= 3 and p[0] == "action" and \
                    p[2].startswith(("devm_", "__devm_")):
                out.setdefault("action", set()).add(p[2])
    return out


def compare_file(path, old, new, fams, acquire, release, managed):
    fo, fn = functions(old), functions(new)
    so = releases([l for n, (_, b) in fo.items() for l in b], release)
    sn = releases([l for n, (_, b) in fn.items() if n not in fo
                   for l in b], release)
    added = ["%s+%d" % (r, sn.count(r)) for r in sorted(set(sn))
             if release.get(r) in fams and sn.count(r) > 0]
    if added:
        yield (path, "-", 0, "file", " ".join(added))
    co, cn = set(CALL.findall(old)), set(CALL.findall(new))
    rel_old = {release[r] for r in so if r in release}
    for fam, names in sorted(managed.items()):
        if fam == "action":
            continue
        unmanaged = acquire.get(fam, set()) - names
        gained = (names | managed.get("action", set())) & (cn - co)
        if gained and unmanaged & co and fam not in rel_old:
            yield (path, "-", 0, "managed", "%s: %s" % (
                fam, " ".join(sorted(gained))))


def main(argv):
    if len(argv) == 4 and argv[1] == "--show":
        return show(argv[2], argv[3], sys.stdin)
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    whole = argv[1] == "--file"
    if whole:
        argv = argv[1:]
    old_tree, new_tree = argv[1], argv[2]
    dirs = argv[3:] or ["drivers"]
    acquire, release = rules_names()
    managed = managed_names(acquire) if whole else None
    n = 0
    for d in dirs:
        for root, _, files in os.walk(os.path.join(new_tree, d)):
            rel = os.path.relpath(root, new_tree)
            if any((rel + "/").startswith(h) for h in HELD_OUT):
                continue
            pairs = []
            for f in sorted(files):
                op = os.path.join(old_tree, rel, f)
                if not f.endswith(".c") or not os.path.exists(op):
                    continue
                with open(op, errors="replace") as a, \
                        open(os.path.join(root, f), errors="replace") as b:
                    pairs.append((os.path.join(rel, f), a.read(), b.read()))
            # a driver's files share its resources: the family of a
            # release must be acquired in its directory, in both trees
            fams = (acquired_families("".join(p[1] for p in pairs), acquire) &
                    acquired_families("".join(p[2] for p in pairs), acquire))
            for path, old, new in pairs:
                if old == new:
                    continue
                per = compare_file if whole else compare
                extra = (managed,) if whole else ()
                for c in per(path, old, new, fams, acquire, release, *extra):
                    print("%s\t%s\t%d\t%s\t%s" % c)
                    n += 1
    sys.stderr.write("mine: %d candidates\n" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
