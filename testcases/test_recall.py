"""The recall corpus (issue 21): teardown fixes of the kernel's history
between Linux 6.12 and 7.3, each undone in the 7.3 file
(testcases/recall_corpus.py).  The checker must keep catching, per shape,
at least as many as the corpus records, and must not report a fixed
version about the resource its fix is for.
"""
import collections
import re

import pytest

from conftest import RULES
from recall_corpus import CAUSES, SHAPES, load, run_all

CASES = load()
FIELDS = ("path", "obj", "family", "resource", "shape", "lifecycle",
          "acquired_in", "fixed_in", "why", "edits", "caught")


def families():
    with open(RULES) as f:
        return {l.split()[1] for l in f if l.startswith("family ")}


def test_corpus_is_well_formed():
    known = families()
    seen = set()
    for c in CASES:
        where = "corpus line %d" % c["lineno"]
        assert all(c.get(k) for k in FIELDS), \
            "%s lacks %s" % (where, [k for k in FIELDS if not c.get(k)])
        assert c["family"] in known, where
        assert c["shape"] in SHAPES, where
        assert c["obj"] == re.sub(r"\.c$", ".o", c["path"]), where
        assert c["caught"] in ("yes", "low", "no"), where
        assert c["caught"] == "yes" or c.get("miss") in CAUSES, \
            "%s: a miss says why (one of %s)" % (where, sorted(CAUSES))
        assert c["id"] not in seen, "%s repeats %s" % (where, c["id"])
        seen.add(c["id"])
    assert len(CASES) >= 40


def recorded(cases):
    return collections.Counter(c["shape"] for c in cases
                               if c["caught"] == "yes")


@pytest.mark.kernel
def test_recall_does_not_fall(gcc73_kernel):
    results = run_all(gcc73_kernel, CASES)
    errors = ["%s: %s" % (i, r["error"].strip().splitlines()[-1:])
              for i, r in results.items() if "error" in r]
    assert not errors, "cases that do not check:\n" + "\n".join(errors)
    now = collections.Counter(c["shape"] for c in CASES
                              if results[c["id"]]["caught"] == "yes")
    lost = ["%s (%s)" % (c["id"], c["shape"]) for c in CASES
            if c["caught"] == "yes" and results[c["id"]]["caught"] != "yes"]
    for shape in SHAPES:
        assert now[shape] >= recorded(CASES)[shape], \
            "%s: %d caught, the corpus records %d; lost:\n%s" % (
                shape, now[shape], recorded(CASES)[shape], "\n".join(lost))
    # a fixed file reported about its resource is a false finding; the
    # known ones say why in 'fixed_reported', and must still be there
    reported = ["%s: %s" % (c["id"], results[c["id"]]["fixed_false"])
                for c in CASES
                if bool(results[c["id"]]["fixed_false"]) !=
                bool(c.get("fixed_reported"))]
    assert not reported, \
        "fixed versions reported about their resource, or no longer " \
        "reported as the corpus says:\n" + "\n".join(reported)
