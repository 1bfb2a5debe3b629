#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/cocci-scan.sh [DIR...]
#
# The Coccinelle scan of whole directories, as they are (no build):
# `teardown-check --cocci -jJOBS --no-progress DIR` against spatch running
# one kernel semantic patch of comparable size (COCCI, default the tree's
# scripts/coccinelle/free/devm_free.cocci) over the same directory the way
# make coccicheck does (--dir DIR -j JOBS --chunksize 1, report mode).
# spatch that way first keeps only the files holding the tokens the
# semantic patch needs ("N files match"); a third run adds
# --disable-worth-trying-opt, so that spatch parses every file, as the
# checker does.  Sparse needs kbuild's flags: see bench/compile-cost.sh for
# it, per file.
#
# Default directories: drivers/hwmon drivers/spi drivers/rtc
# drivers/watchdog.  Runs are interleaved, ROUNDS times (default 3); prints
# per directory the .c files, the files spatch kept, the median wall (and
# user+sys CPU) seconds of each run and the ratios of the checker's wall
# time to spatch's, and the checker's findings.
#
# Needs a prepared tree (make setup) and the checker built (make).
# Environment: ROUNDS, JOBS (default: number of CPUs), TEARDOWN_CACHE,
# COCCI.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/common.sh"
rounds=${ROUNDS:-3}
jobs=${JOBS:-$(nproc)}
cocci=${COCCI:-$src/scripts/coccinelle/free/devm_free.cocci}
bench_require -x "$here/teardown-check"
command -v spatch >/dev/null || { echo "bench: spatch not found (apt-get install coccinelle)" >&2; exit 2; }
[ $# -gt 0 ] || set -- drivers/hwmon drivers/spi drivers/rtc drivers/watchdog
for dir in "$@"; do
	[ -d "$src/$dir" ] || { echo "bench: no directory $dir in $src" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run in the tree; append "WALL CPU" to $1; keep stderr in $1.err
measure() {
	local out=$1
	shift
	local status=0
	(cd "$src" && /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >"$out.out" 2>"$out.err") ||
		status=$?
	# teardown-check exits 1 for findings; anything else is a failure
	if [ "$status" != 0 ] && ! { [ "$status" = 1 ] && [ "$1" = "$here/teardown-check" ]; }; then
		tail -5 "$out.err" >&2
		echo "bench: $(basename "$1") failed (exit $status) on ${*: -1}" >&2
		exit 1
	fi
	# (time puts "Command exited with non-zero status" first)
	tail -n 1 "$work/t" | awk '{printf "%.2f %.2f\n", $1, $2 + $3}' >> "$out"
}


i=0
for dir in "$@"; do
	i=$((i + 1))
	: > "$work/$i.tc"; : > "$work/$i.sp"; : > "$work/$i.all"
done
for _ in $(seq "$rounds"); do
	i=0
	for dir in "$@"; do
		i=$((i + 1))
		measure "$work/$i.tc" "$here/teardown-check" --cocci -j"$jobs" --no-progress "$dir"
		measure "$work/$i.sp" spatch --sp-file "$cocci" -D report --no-includes \
			--include-headers --very-quiet -j "$jobs" --chunksize 1 --dir "$dir"
		measure "$work/$i.all" spatch --sp-file "$cocci" -D report --no-includes \
			--include-headers --very-quiet -j "$jobs" --chunksize 1 \
			--disable-worth-trying-opt --dir "$dir"
	done
done

echo "## Coccinelle scan: teardown-check --cocci against spatch $(basename "$cocci") (-j$jobs, $rounds rounds, medians)"
echo
echo "| directory | .c files | spatch kept | teardown-check s | spatch s | spatch all files s | check/spatch | check/all files | check cpu s | spatch cpu s | findings |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
i=0
for dir in "$@"; do
	i=$((i + 1))
	files=$(find "$src/$dir" -name '*.c' | wc -l)
	kept=$(sed -nE 's/^([0-9]+) files match$/\1/p' "$work/$i.sp.err" | tail -1)
	findings=$(sed -nE 's/^teardown-check: [0-9]+ files.*, ([0-9]+) findings.*/\1/p' "$work/$i.tc.err")
	c=$(cut -d' ' -f1 "$work/$i.tc" | median); s=$(cut -d' ' -f1 "$work/$i.sp" | median)
	a=$(cut -d' ' -f1 "$work/$i.all" | median)
	cc=$(cut -d' ' -f2 "$work/$i.tc" | median); sc=$(cut -d' ' -f2 "$work/$i.sp" | median)
	printf '| %s | %s | %s | %s | %s | %s | %.2f | %.2f | %s | %s | %s |\n' "$dir" "$files" \
		"${kept:-$files}" "$c" "$s" "$a" "$(echo "$c / $s" | bc -l)" "$(echo "$c / $a" | bc -l)" \
		"$cc" "$sc" "${findings:-?}"
done
