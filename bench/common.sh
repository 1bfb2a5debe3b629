# SPDX-License-Identifier: GPL-2.0
#
# What the bench scripts share, sourced by each after it sets $here (the
# repository): where the prepared kernel tree is (Linux 6.12 unless KERNEL
# names another prepared version, e.g. KERNEL=7.3), the checks that it and
# the checker exist, a median, and a file's kbuild compile command.
# Environment: TEARDOWN_CACHE, KERNEL.
cache=${TEARDOWN_CACHE:-$HOME/.cache/teardown-check}
src=$cache/linux-source-${KERNEL:-6.12}
build=$src/build

# bench_require TEST PATH: the prepared tree, and the checker or plugin at
# PATH passing the test (-x, -f); exit 2 with one line otherwise
bench_require() {
	[ -f "$build/.teardown-prepared" ] ||
		{ echo "bench: no prepared tree in $src (run: make setup)" >&2; exit 2; }
	[ "$1" "$2" ] || { echo "bench: build the checker first (make)" >&2; exit 2; }
}

# the median of the numbers on stdin, one per line
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# kbuild_command CMDFILE: the compile command a .FILE.o.cmd records,
# without its dependency file (-Wp,-MMD) and the fixdep step after it
kbuild_command() {
	grep '^savedcmd_' "$1" | sed 's/ ; .*//; s/^[^=]*:= //; s/-Wp,-MMD,[^ ]* //'
}
