#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/object-identity.sh [N]
#
# Proves that the plugin does not change the code GCC generates, on N real
# Linux 6.12 files (default 200): each is compiled twice with its exact
# kbuild command, once plain and once with -fplugin=.../teardown_check.so
# added, and the two objects are compared byte for byte.
#
# The files: the .c files with a built object in the prepared tree's
# build/ under a fixed list of driver directories, sorted within each
# directory and taken from the directories in turn, until N.  Their
# commands are the savedcmd_ lines of build/DIR/.FILE.o.cmd, run in build/
# (relative -I paths) with the object written to a temporary directory and
# without -Wp,-MMD (no dependency file); nothing in build/ is rebuilt or
# written.  Both compiles get -frandom-seed=teardown-identity: the kernel's
# latent_entropy plugin draws a random seed otherwise, and no two objects
# would agree.  Before anything else, two plain compiles of the first file
# must be identical, or the comparison would prove nothing.
#
# Prints the files compiled, identical, differing (named), and failing to
# compile (named, with whether the plain compile failed as well).  Exit
# status: 0 all identical; 1 an object differs or a file compiles plain but
# not with the plugin; 2 no prepared tree, no checker, or plain compiles do
# not repeat.
#
# Needs a prepared tree (make setup) and the checker built (make).
# Environment: JOBS (default: number of CPUs), TEARDOWN_CACHE.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/common.sh"
n=${1:-200}
jobs=${JOBS:-$(nproc)}
plugin=$here/plugin/teardown_check.so
seed=-frandom-seed=teardown-identity
bench_require -f "$plugin"
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench: N must be a positive number, not '$n'" >&2; exit 2; }
dirs="drivers/hwmon drivers/rtc drivers/spi drivers/watchdog drivers/i2c
	drivers/iio drivers/input drivers/tty drivers/net drivers/media drivers/usb"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the objects, sorted per directory, then taken from each directory in turn
k=0
for d in $dirs; do
	k=$((k + 1))
	[ -d "$build/$d" ] || continue
	find "$build/$d" -name '.*.o.cmd' | sort | while read -r cmdfile; do
		rel=${cmdfile#"$build"/}
		base=$(basename "$rel" .cmd)
		obj=$(dirname "$rel")/${base#.}
		if [ -f "$build/$obj" ] && [ -f "$src/${obj%.o}.c" ] &&
			grep -q '^savedcmd_.* -c -o ' "$cmdfile"; then
			echo "$obj"
		fi
	done | awk -v k="$k" '{print NR, k, $0}'
done | sort -k1,1n -k2,2n | head -n "$n" | awk '{print $3}' > "$work/objects"
total=$(wc -l < "$work/objects")
[ "$total" -gt 0 ] || { echo "bench: no built objects under the directories in $build" >&2; exit 2; }

# the kbuild command of build/OBJ with the object written to OUT and EXTRA
# flags added
command_for() {
	local obj=$1 out=$2 extra=$3
	kbuild_command "$build/$(dirname "$obj")/.$(basename "$obj").cmd" |
		sed "s| -c -o [^ ]* | $extra -c -o $out |"
}

# compile OBJ (number I) plain and with the plugin; print one line:
# "same OBJ", "differ OBJ", "failed-plain OBJ I" or "failed-plugin OBJ I"
# (the compiler's messages in I.err)
one() {
	local i=$1 obj=$2 a b
	a=$(command_for "$obj" "$work/$i.plain.o" "$seed")
	b=$(command_for "$obj" "$work/$i.plugin.o" "$seed -fplugin=$plugin")
	if ! (cd "$build" && sh -c "$a") >"$work/$i.err" 2>&1; then
		echo "failed-plain $obj $i"
	elif ! (cd "$build" && sh -c "$b") >"$work/$i.err" 2>&1; then
		echo "failed-plugin $obj $i"
	elif cmp -s "$work/$i.plain.o" "$work/$i.plugin.o"; then
		echo "same $obj"
	else
		echo "differ $obj"
	fi
	rm -f "$work/$i.plain.o" "$work/$i.plugin.o"
}
export -f one command_for kbuild_command
export build work seed plugin

# two plain compiles of the first file must agree
first=$(head -1 "$work/objects")
for x in 1 2; do
	c=$(command_for "$first" "$work/repeat$x.o" "$seed")
	(cd "$build" && sh -c "$c") >"$work/repeat.err" 2>&1 ||
		{ tail -5 "$work/repeat.err" >&2; echo "bench: cannot compile $first" >&2; exit 2; }
done
cmp -s "$work/repeat1.o" "$work/repeat2.o" ||
	{ echo "bench: two plain compiles of $first differ (is -frandom-seed honoured?): no comparison is possible" >&2; exit 2; }

# shellcheck disable=SC2016 # the child bash expands $1 and $2
awk '{print NR, $0}' "$work/objects" |
	xargs -P "$jobs" -L 1 bash -c 'one "$1" "$2"' one > "$work/results"

count() { grep -c "^$1 " "$work/results" || true; }
same=$(count same); differ=$(count differ)
fplain=$(count failed-plain); fplugin=$(count failed-plugin)
echo "## Objects with and without the plugin ($total files, $seed, -j$jobs)"
echo
echo "| files compiled | identical | differing | failed plain | failed with the plugin only |"
echo "| --- | --- | --- | --- | --- |"
echo "| $total | $same | $differ | $fplain | $fplugin |"
for kind in differ failed-plain failed-plugin; do
	if grep -q "^$kind " "$work/results"; then
		echo
		echo "$kind:"
		grep "^$kind " "$work/results" | sort -k2 | while read -r _ obj i; do
			echo "  $obj"
			if [ -n "$i" ]; then
				grep -m1 -E 'error|fatal' "$work/$i.err" | sed 's/^/    /' || true
			fi
		done
	fi
done
if [ "$differ" != 0 ] || [ "$fplugin" != 0 ]; then
	exit 1
fi
