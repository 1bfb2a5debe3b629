#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/instructions.sh [OBJ...]
#
# The cost of teardown-check in instructions, which unlike wall time does
# not depend on what else the machine is doing: every file is compiled
# under valgrind --tool=callgrind (children traced: the compiler driver,
# cc1, as) four ways, with its kbuild command read from the prepared
# tree's build/DIR/.FILE.o.cmd:
#
#   syntax   gcc -fsyntax-only
#   check    teardown-check with the same flags (CHECK mode: cc1 with the
#            plugin, -S -o /dev/null, the plugin exits after its pass)
#   gcc-c    gcc -c, the object written to a temporary directory
#   plugin   the same with -fplugin=.../teardown_check.so (KCFLAGS)
#
# FRONTEND=clang measures the Clang front end the same way in the LLVM=1
# build (build-llvm/): clang -fsyntax-only, teardown-check running clang
# -fsyntax-only with teardown_check_clang.so, clang -c, and clang -c with
# the plugin added after the compile's own action.
#
# Prints the instructions (millions) of each and the ratios check/syntax
# and plugin/gcc-c.  Nothing in the build directory is written.  Callgrind
# runs a compile some 50 times slower: a few files at a time.  SKIP_C=1
# leaves out the two -c compiles (they cost the most under callgrind).
#
# Needs a prepared tree (make setup) and the checker built (make); the
# files' objects built in the build directory measured.
# Environment: TEARDOWN_CACHE, FRONTEND, SKIP_C, KEEP (a directory: keep
# the callgrind output files there, for callgrind_annotate).
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/common.sh"
plugin=$here/plugin/teardown_check.so
if [ "${FRONTEND:-gcc}" = clang ]; then
	build=$src/build-llvm
	plugin=$here/plugin/teardown_check_clang.so
fi
bench_require -x "$here/teardown-check"
command -v valgrind >/dev/null ||
	{ echo "bench: no valgrind (apt-get install valgrind)" >&2; exit 2; }
[ $# -gt 0 ] || set -- drivers/hwmon/pmbus/adm1275.o drivers/hwmon/pmbus/pmbus_core.o \
	drivers/media/pci/bt8xx/bttv-driver.o drivers/net/ethernet/intel/e1000e/netdev.o
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# instructions of COMMAND (a shell string run in build/) and its children;
# with KEEP, the callgrind files are kept as KEEP/NAME.PID
count() {
	local name=$1 cmd=$2
	rm -f "$work"/cg.*
	(cd "$build" && sh -c "exec valgrind -q --tool=callgrind --trace-children=yes \
		--callgrind-out-file=$work/cg.%p $cmd" >/dev/null 2>"$work/err") ||
		{ tail -5 "$work/err" >&2; echo "bench: $name failed" >&2; return 1; }
	if [ -n "$KEEP" ]; then
		mkdir -p "$KEEP"
		for f in "$work"/cg.*; do cp "$f" "$KEEP/$name.${f##*.}"; done
	fi
	cat "$work"/cg.* | awk '/^totals:/ {n += $2} END {printf "%.0f\n", n}'
}

printf '%-48s %9s %9s %7s %9s %9s %7s\n' file syntax check 'chk/syn' gcc-c plugin 'plg/gcc'
for obj in "$@"; do
	cmdfile=$build/$(dirname "$obj")/.$(basename "$obj").cmd
	[ -f "$cmdfile" ] || { echo "bench: no $cmdfile" >&2; continue; }
	cmd=$(kbuild_command "$cmdfile")
	syntax=$(echo "$cmd" | sed 's| -c -o [^ ]* | -fsyntax-only |')
	# the compiler kbuild ran (CC): gcc, or clang-14 under LLVM=-14
	check="$here/teardown-check --cc=${cmd%% *} $(echo "$cmd" | sed 's|^[^ ]* ||; s| -c -o [^ ]* | |')"
	y=$(count syntax "$syntax") || continue
	c=$(count check "$check") || continue
	if [ -z "$SKIP_C" ]; then
		gcc_c=$(echo "$cmd" | sed "s| -c -o [^ ]* | -c -o $work/out.o |")
		g=$(count gcc-c "$gcc_c") || continue
		p=$(count plugin "${gcc_c/ -c -o / -fplugin=$plugin -c -o }") || continue
	else
		g=0; p=0
	fi
	printf '%-48s %9.1f %9.1f %7.3f %9.1f %9.1f %7.3f\n' "${obj%.o}.c" \
		"$(echo "$y / 1000000" | bc -l)" "$(echo "$c / 1000000" | bc -l)" \
		"$(echo "$c / $y" | bc -l)" "$(echo "$g / 1000000" | bc -l)" \
		"$(echo "$p / 1000000" | bc -l)" \
		"$(if [ "$g" != 0 ]; then echo "$p / $g" | bc -l; else echo 0; fi)"
done
