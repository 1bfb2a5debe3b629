#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/kcflags-overhead.sh [DIR]
#
# What KCFLAGS=-fplugin=.../teardown_check.so adds to a normal kernel build
# of a whole driver directory (default drivers/rtc): `make DIR/` with the
# plugin against the same build without it.  The plugin needs no argument:
# it finds its rules beside itself (rules/teardown.rules).
#
# The builds run in a separate build directory, BENCH_BUILD (default: the
# cache's bench-build), an x86_64 allmodconfig prepared once (allmodconfig
# + modules_prepare, marked with .teardown-bench-prepared) and reused; the
# shared build/ of the prepared tree is never touched.  Each build is
# preceded by removing DIR's objects, so that every object is rebuilt, and
# by an untimed `make prepare` with the same KCFLAGS: KCFLAGS is part of
# the flags of a few generated files (asm-offsets, bounds), which a change
# of KCFLAGS rebuilds; only the compilation of DIR is timed.  A warm-up
# build of each variant comes first (WARMUP=0: none) and is not counted;
# then ROUNDS rounds (default 3) alternate a plain and a plugin build.
# Prints each round's wall and CPU (user+sys of make and every compiler it
# ran) seconds, the median of the per-round ratios and the time added.
#
# Peak memory: the largest C object of DIR compiled alone, with and without
# the plugin, ROUNDS times; the max RSS of cc1 (KB, median).  For memory in
# CHECK mode (the checker against gcc -c) see bench/compile-cost.sh's mem
# column.
#
# Needs a prepared tree (make setup) and the checker built (make).
# Environment: ROUNDS, JOBS (default: number of CPUs), WARMUP,
# TEARDOWN_CACHE, BENCH_BUILD.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/common.sh"
bb=${BENCH_BUILD:-$cache/bench-build}
rounds=${ROUNDS:-3}
jobs=${JOBS:-$(nproc)}
warmup=${WARMUP:-1}
plugin=$here/plugin/teardown_check.so
dir=${1:-drivers/rtc}
dir=${dir%/}
bench_require -f "$plugin"
[ -d "$src/$dir" ] || { echo "bench: no directory $dir in $src" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -f "$bb/.teardown-bench-prepared" ]; then
	echo "bench: preparing $bb (allmodconfig, modules_prepare; once)" >&2
	if ! { make -s -C "$src" O="$bb" allmodconfig &&
		make -s -C "$src" O="$bb" -j"$jobs" modules_prepare; } >"$work/prepare.log" 2>&1; then
		tail -20 "$work/prepare.log" >&2
		echo "bench: cannot prepare $bb" >&2
		exit 2
	fi
	touch "$bb/.teardown-bench-prepared"
fi

# one build of DIR with KCFLAGS=$1, every object of DIR rebuilt; prints
# "WALL CPU" (seconds) when $2 is "timed"
build() {
	make -s -C "$src" O="$bb" -j"$jobs" KCFLAGS="$1" prepare >"$work/log" 2>&1 ||
		{ tail -20 "$work/log" >&2; echo "bench: make prepare failed (KCFLAGS='$1')" >&2; exit 1; }
	if [ -d "$bb/$dir" ]; then
		find "$bb/$dir" -name '*.o' -delete
	fi
	/usr/bin/time -f '%e %U %S' -o "$work/t" \
		make -s -C "$src" O="$bb" -j"$jobs" KCFLAGS="$1" "$dir/" >"$work/log" 2>&1 ||
		{ tail -20 "$work/log" >&2; echo "bench: make $dir/ failed (KCFLAGS='$1')" >&2; exit 1; }
	if [ "$2" = timed ]; then
		awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/t"
	fi
}


if [ "$warmup" != 0 ]; then
	build "" warmup
	build "-fplugin=$plugin" warmup
fi
: > "$work/rounds"
for r in $(seq "$rounds"); do
	p=$(build "" timed)
	q=$(build "-fplugin=$plugin" timed)
	echo "$r $p $q" >> "$work/rounds"
done
warnings=$(grep -c '\[teardown-' "$work/log" || true)

# the objects compiled from C, and the largest of them
objects=0; largest=; size=0
while read -r obj; do
	rel=${obj#"$bb"/}
	[ -f "$src/${rel%.o}.c" ] || continue
	objects=$((objects + 1))
	s=$(stat -c %s "$obj")
	if [ "$s" -gt "$size" ]; then size=$s; largest=$rel; fi
done < <(find "$bb/$dir" -name '*.o' | sort)
nobj=$(find "$bb/$dir" -name '*.o' | wc -l)

echo "## KCFLAGS=-fplugin=teardown_check.so on make $dir/ ($objects C objects, $nobj objects in all, -j$jobs)"
echo
echo "| round | plain wall s | plugin wall s | plain cpu s | plugin cpu s | wall ratio | cpu ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
while read -r r pw pc qw qc; do
	printf '| %s | %s | %s | %s | %s | %.3f | %.3f |\n' "$r" "$pw" "$qw" "$pc" "$qc" \
		"$(echo "$qw / $pw" | bc -l)" "$(echo "$qc / $pc" | bc -l)"
done < "$work/rounds"
wr=$(while read -r _ pw _ qw _; do echo "$qw / $pw" | bc -l; done < "$work/rounds" | median)
cr=$(while read -r _ _ pc _ qc; do echo "$qc / $pc" | bc -l; done < "$work/rounds" | median)
printf '| median | %s | %s | %s | %s | %.3f | %.3f |\n' \
	"$(cut -d' ' -f2 "$work/rounds" | median)" "$(cut -d' ' -f4 "$work/rounds" | median)" \
	"$(cut -d' ' -f3 "$work/rounds" | median)" "$(cut -d' ' -f5 "$work/rounds" | median)" "$wr" "$cr"
echo
printf 'Added by the plugin (median of the per-round ratios): %+.1f%% wall, %+.1f%% CPU; %s teardown-check warnings in the last plugin build.\n' \
	"$(echo "($wr - 1) * 100" | bc -l)" "$(echo "($cr - 1) * 100" | bc -l)" "$warnings"

# peak memory of cc1 on the largest object, with and without the plugin
[ -n "$largest" ] || exit 0
cmdfile=$bb/$(dirname "$largest")/.$(basename "$largest").cmd
cmd=$(kbuild_command "$cmdfile" |
	sed "s| -fplugin=$plugin||g; s| -c -o [^ ]* | -c -o $work/m.o |")
plain=$cmd
with=${cmd/ -c -o / -fplugin=$plugin -c -o }
: > "$work/mem"
for _ in $(seq "$rounds"); do
	(cd "$bb" && /usr/bin/time -f '%M' -o "$work/m1" sh -c "$plain" >/dev/null 2>&1) ||
		{ echo "bench: cannot compile $largest" >&2; exit 1; }
	(cd "$bb" && /usr/bin/time -f '%M' -o "$work/m2" sh -c "$with" >/dev/null 2>&1) ||
		{ echo "bench: cannot compile $largest with the plugin" >&2; exit 1; }
	echo "$(cat "$work/m1") $(cat "$work/m2")" >> "$work/mem"
done
m1=$(cut -d' ' -f1 "$work/mem" | median); m2=$(cut -d' ' -f2 "$work/mem" | median)
echo
echo "| largest object | plain max RSS KB | plugin max RSS KB | ratio |"
echo "| --- | --- | --- | --- |"
printf '| %s | %s | %s | %.3f |\n' "$largest" "$m1" "$m2" "$(echo "$m2 / $m1" | bc -l)"
