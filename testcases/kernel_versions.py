"""What an entry of the real-driver lists says on each kernel version.

The entries of real_drivers.py, real_order_drivers.py and
real_error_drivers.py describe drivers of Linux 6.12 (their paths, anchor
regexes, line numbers in 'why').  On a later kernel an entry means the same
unless it carries an override named after the version, v7_3=dict(...):

  v7_3=dict(path=..., delete=..., asis=[...], why='...')
      its keys replace the entry's (a moved file, an anchor that no longer
      matches, findings that differ); 'why' is required and says what
      changed, with line numbers of that version's file.  A new 'path'
      without 'obj' builds the object of the same name.
  v7_3=dict(skip='...')
      the driver cannot be this case on that version (removed from the
      tree, its release made managed, ...): the test says so when skipped.
  kernels=('7.3',)
      the entry is a case only on the kernels named (a bug fixed since,
      whose fix is what the case deletes): skipped on the others.

So an entry without an override must give the same findings on 7.3 as on
6.12: a difference is either explained in the data or a failure.
"""
import pytest

from conftest import KERNEL_VERSIONS

BASE_VERSION = KERNEL_VERSIONS[0]


def version_key(version):
    """'7.3' -> 'v7_3', the override key."""
    return "v" + version.replace(".", "_")


OVERRIDE_KEYS = {version_key(v) for v in KERNEL_VERSIONS[1:]}


def at_version(entry, version):
    """The entry as it applies to Linux 'version' (without its override
    keys), or None where its override skips it."""
    out = {k: v for k, v in entry.items() if k not in OVERRIDE_KEYS}
    if version not in entry.get("kernels", KERNEL_VERSIONS):
        return None
    if version == BASE_VERSION:
        return out
    override = entry.get(version_key(version))
    if not override:
        return out
    if "skip" in override:
        return None
    out.update(override)
    if "path" in override and "obj" not in override:
        out["obj"] = override["path"][:-len(".c")] + ".o"
    return out


def for_kernel(entry, kernel):
    """at_version() for the kernel a test runs on; skipped with the
    entry's own reason where it does not apply."""
    if kernel.version not in entry.get("kernels", KERNEL_VERSIONS):
        pytest.skip("%s is a case on Linux %s only" % (
            entry["path"], ", ".join(entry["kernels"])))
    out = at_version(entry, kernel.version)
    if out is None:
        override = entry[version_key(kernel.version)]
        pytest.skip("%s on %s: %s" % (entry["path"], kernel.version,
                                      override["skip"]))
    return out


def override_problems(entries, extra_keys=()):
    """What is wrong with the overrides of a list of entries: each needs a
    'why' or a 'skip' (never both), and may only replace keys entries
    have (or 'extra_keys')."""
    problems = []
    for e in entries:
        for k in e:
            if k.startswith("v") and k[1:2].isdigit() and \
                    k not in OVERRIDE_KEYS:
                problems.append("%s: %s names no kernel of %s" % (
                    e["path"], k, KERNEL_VERSIONS))
        for k in sorted(OVERRIDE_KEYS & set(e)):
            o = e[k]
            where = "%s: %s" % (e["path"], k)
            if not isinstance(o, dict) or not o:
                problems.append(where + " is not a dict of changes")
                continue
            if ("skip" in o) == ("why" in o):
                problems.append(where + " needs one of 'why' and 'skip'")
            if "skip" in o and len(o) > 1:
                problems.append(where + " skips and changes keys")
            unknown = set(o) - set(e) - set(extra_keys) - {"skip", "why"}
            if unknown:
                problems.append("%s changes keys the entry lacks: %s" % (
                    where, sorted(unknown)))
            for text in (o.get("why"), o.get("skip")):
                if text is not None and len(text.split()) < 4:
                    problems.append(where + " explains too little")
    return problems
