#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/link-cost.sh [DIR]
#
# What linking costs (issue 22, docs/facts.md), on one directory of the
# prepared tree (default drivers/net/ethernet/microchip): tree mode with
# each file judged alone (--no-link), the same linked, a first run into a
# database (--db), a rerun with nothing changed, a rerun after one file's
# mtime moved (that file is checked again), and --link of the database
# alone (the link step); wall and user seconds by /usr/bin/time, the
# ratios against the first, the database's size, and what linking did to
# handed_off.  Files are touched with their own mtime restored after.
#
# Needs a prepared tree (make setup) and the checker built (make).
# Environment: TEARDOWN_CACHE, KERNEL (default 6.12), JOBS.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/common.sh"
jobs=${JOBS:-$(nproc)}
bench_require -x "$here/teardown-check"
dir=${1:-drivers/net/ethernet/microchip}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME ARGS...: one timed run of the checker in the tree
run() {
	local name=$1
	shift
	(cd "$src" && /usr/bin/time -f "%e %U %M" -o "$tmp/$name.time" \
		"$here/teardown-check" -j"$jobs" --no-progress "$@" \
		>"$tmp/$name.out" 2>"$tmp/$name.log") || [ $? = 1 ]
}

run alone --build build --no-link "$dir"
run linked --build build "$dir"
run first --build build --db "$tmp/facts.db" "$dir"
run rerun --build build --db "$tmp/facts.db" "$dir"
one=$(cd "$src" && find "$dir" -name '*.c' | sort | head -1)
stamp=$(stat -c %y "$src/$one")
touch "$src/$one"
run touched --build build --db "$tmp/facts.db" "$dir"
touch -d "$stamp" "$src/$one"
run link --link --root "$src" "$tmp/facts.db"

base=$(cut -d' ' -f1 "$tmp/first.time")
echo "| run | wall s | user s | peak KB | wall / first db run |"
echo "| --- | --- | --- | --- | --- |"
for r in alone linked first rerun touched link; do
	read -r wall user mem <"$tmp/$r.time"
	echo "| $r | $wall | $user | $mem | $(echo "$wall $base" |
		awk '{printf "%.2f", $1 / ($2 > 0 ? $2 : 1)}') |"
done
echo
echo "database: $(du -k "$tmp/facts.db" | cut -f1) KB for" \
	"$(sqlite3 "$tmp/facts.db" 'select count(*) from units') files"
grep -h 'handed to other code:' "$tmp/linked.log" | sed 's/^teardown-check: //'
grep -h '^teardown-check: linked:' "$tmp/linked.log" | sed 's/^teardown-check: //'
