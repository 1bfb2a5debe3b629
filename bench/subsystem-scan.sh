#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/subsystem-scan.sh [DIR...]
#
# The whole-subsystem scan (docs/precision.md): tree mode with the prepared
# x86_64 allmodconfig build over each directory, every .c file with its real
# kbuild flags.  Writes DIR's findings as JSON and its summary to OUT
# (default: the cache's scan/), then prints one table row per directory:
# files, drivers, findings per check, files not checked and why, time.
#
# Needs a prepared tree (make setup) and the checker built (make).
# Environment: TEARDOWN_CACHE, KERNEL (default 6.12), OUT, JOBS (default:
# number of CPUs).
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/common.sh"
out=${OUT:-$cache/scan}
jobs=${JOBS:-$(nproc)}
bench_require -x "$here/teardown-check"
[ $# -gt 0 ] || set -- drivers/hwmon drivers/iio drivers/power drivers/input \
	drivers/net/ethernet drivers/media/platform drivers/usb/gadget \
	drivers/spi drivers/i2c/busses sound/soc/codecs
mkdir -p "$out"
echo "| directory | files | drivers | findings | by check | not checked (why) | time |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for dir in "$@"; do
	name=$(echo "$dir" | tr / _)
	(cd "$src" && "$here/teardown-check" --build build -j"$jobs" \
		--no-progress --format json "$dir" >"$out/$name.json" \
		2>"$out/$name.log") || [ $? = 1 ]
	sum=$(grep -E '^teardown-check: [0-9]+ files?' "$out/$name.log")
	files=$(echo "$sum" | sed -E 's/^teardown-check: ([0-9]+) files?.*/\1/')
	drivers=$(echo "$sum" | sed -E 's/.*, ([0-9]+) drivers.*/\1/')
	findings=$(echo "$sum" | sed -E 's/.*, ([0-9]+) findings.*/\1/')
	bycheck=$(echo "$sum" | sed -E 's/.*findings:? ?//')
	skipped=$(grep -E '^teardown-check: not checked' "$out/$name.log" |
		sed -E 's/^teardown-check: not checked or not wholly: //')
	time=$(grep -E '^teardown-check: [0-9]+m[0-9]+s$' "$out/$name.log" |
		sed -E 's/^teardown-check: //')
	echo "| $dir | $files | $drivers | $findings | ${bycheck:--} | ${skipped:-none} | $time |"
done
