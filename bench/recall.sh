#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# bench/recall.sh [--update] [-v]
#
# The recall benchmark (issue 21, docs/precision.md): every case of
# testcases/recall/corpus.jsonl is a teardown fix the kernel made between
# Linux 6.12 and 7.3, undone in the 7.3 file.  Each case's object is
# checked as 7.3 has it and with the fix undone, at the default confidence
# and at low; a case is caught when the undone version gets a finding
# about its resource that the fixed one does not.  Prints recall by shape
# and by family, how many are seen only at --confidence=low, and why the
# rest are missed (each case's 'miss', as read).  Fixed versions reported
# about their own resource are named on stderr.  --update records what
# was measured in the corpus (test_recall.py holds the checker to it).
# Needs the prepared 7.3 tree (make setup) and the checker built (make).
# Environment: TEARDOWN_CACHE.
here=$(cd "$(dirname "$0")/.." && pwd)
KERNEL=7.3
. "$here/bench/common.sh"
bench_require -x "$here/teardown-check"
exec /usr/bin/python3 "$here/testcases/recall_corpus.py" "$@"
