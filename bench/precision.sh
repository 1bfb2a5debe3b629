#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/precision.sh [ROUND-FILE...]
#
# The precision benchmark (issue 17, docs/precision.md): each round is a
# random sample of a scan's findings on directories nobody here had read,
# each finding read against the code and labelled (testcases/precision/
# round-N.txt, testcases/scan-sample.txt for round 1).  This checks every
# sampled file again, in one tree-mode run at --confidence=low and one at
# the default, and prints a row per round:
#
#   read             findings sampled and labelled (as the scan found them)
#   true, contract, false   their labels (round 1 labelled true or false
#                    only: its true ones include the contract's)
#   as scanned       (true + contract) / read
#   shown now        sampled findings the checker still reports by default
#   precision now    the true and contract ones among them / shown now
#   true kept        true and contract findings shown now / those read
#   below default    true and contract findings still found, at a
#                    confidence under the default
#   fixes right      right / offered, as labelled when scanned
#
# A round file names its kernel ("# kernel: 7.3"); the default is 6.12.
# With -v, each sampled finding is listed after its round's row, as
# "shown", "below" (found under the default confidence) or "gone", with
# its label: the list to read when a change moves a round.
# Needs the prepared trees (make setup) and the checker built (make).
# Environment: TEARDOWN_CACHE, JOBS (default: number of CPUs).
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/common.sh"
jobs=${JOBS:-$(nproc)}
[ -x "$here/teardown-check" ] || { echo "bench: build the checker first (make)" >&2; exit 2; }
verbose=0
[ "$1" = -v ] && { verbose=1; shift; }
[ $# -gt 0 ] || set -- "$here/testcases/scan-sample.txt" "$here"/testcases/precision/round-*.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# entries FILE: "FILE:LINE TAG RESOURCE LABEL [FIX]" lines, comments dropped
entries() { sed 's/#.*//' "$1" | awk 'NF >= 4'; }

# reported TREE LEVEL FILES...: "FILE:LINE TAG RESOURCE" of each finding
reported() {
	local tree=$1 level=$2
	shift 2
	(cd "$tree" && "$here/teardown-check" --build build -j"$jobs" \
		--no-progress --quiet --confidence "$level" "$@") 2>"$work/log" |
		awk '/: warning: / {
			split($1, at, ":")
			tag = $NF; gsub(/[][]/, "", tag)
			q = index($0, "\x27"); rest = substr($0, q + 1)
			res = q ? substr(rest, 1, index(rest, "\x27") - 1) : ""
			gsub(/[ \t]/, "", res)	# as the round files write it
			print at[1] ":" at[2], tag, res
		}' | sort -u
	[ "${PIPESTATUS[0]}" -le 1 ] || { cat "$work/log" >&2; exit 2; }
}

printf '| round | kernel | read | true | contract | false | as scanned | shown now | precision now | true kept | below default | fixes right |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
for round in "$@"; do
	kernel=$(sed -n 's/^# kernel: *//p' "$round" | head -1)
	tree=$cache/linux-source-${kernel:-6.12}
	[ -f "$tree/build/.teardown-prepared" ] ||
		{ echo "bench: no prepared tree in $tree (run: make setup)" >&2; exit 2; }
	name=$(sed -n 's/^# round: *//p' "$round" | head -1)
	entries "$round" >"$work/sample"
	files=$(awk '{ split($1, at, ":"); print at[1] }' "$work/sample" | sort -u)
	# shellcheck disable=SC2086
	reported "$tree" low $files >"$work/low"
	# shellcheck disable=SC2086
	reported "$tree" medium $files >"$work/default"
	awk -v name="${name:-$(basename "$round" .txt)}" -v kernel="${kernel:-6.12}" '
		FILENAME == ARGV[1] { low[$1 " " $2 " " $3] = 1; next }
		FILENAME == ARGV[2] { shown[$1 " " $2 " " $3] = 1; next }
		{
			key = $1 " " $2 " " $3; label = $4
			good = label == "true" || label == "contract"
			read++
			if (label == "true") t++
			else if (label == "contract") c++
			else f++
			if (key in shown) { now++; if (good) nowgood++ }
			else if (good && key in low) below++
			if ($5 == "right" || $5 == "wrong") offered++
			if ($5 == "right") right++
		}
		function pct(a, b) { return b ? sprintf("%d%%", 100 * a / b + 0.5) : "-" }
		END {
			printf "| %s | %s | %d | %d | %s | %d | %s | %d | %s | %s | %d | %s |\n",
				name, kernel, read, t, c + 0, f,
				pct(t + c, read), now, pct(nowgood, now),
				pct(nowgood, t + c), below,
				offered ? right "/" offered : "-"
		}' "$work/low" "$work/default" "$work/sample"
	[ $verbose = 1 ] || continue
	awk 'FILENAME == ARGV[1] { low[$1 " " $2 " " $3] = 1; next }
	     FILENAME == ARGV[2] { shown[$1 " " $2 " " $3] = 1; next }
	     { key = $1 " " $2 " " $3
	       print (key in shown ? "shown" : key in low ? "below" : "gone"), $4, key }' \
		"$work/low" "$work/default" "$work/sample" | sort
done
