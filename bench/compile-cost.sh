#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/compile-cost.sh [OBJ...]
#
# Per-file cost of teardown-check in kbuild CHECK mode on real Linux 6.12
# files, against what else runs on them: gcc -c (the build), gcc
# -fsyntax-only, sparse (the usual CHECK) and spatch (with a kernel
# semantic patch).  Every tool gets the same argv kbuild gives it (recorded
# by running kbuild once with a CHECK that only writes its argv down).
# Runs are interleaved, ROUNDS times (default 5); the median wall time of
# each tool is printed per file, then the ratios to -fsyntax-only and to
# gcc -c, and peak memory (max RSS) against gcc -c.
#
# Needs a prepared tree (make setup) and the checker built (make).  The
# files are built (and kbuild run for their CHECK argv) in the prepared
# tree's build/, or in BENCH_BUILD when set: a build directory of the same
# configuration that is the benchmark's own (kcflags-overhead.sh prepares
# one), so that nothing runs make in a build/ other runs are reading.
# Environment: ROUNDS, TEARDOWN_CACHE, BENCH_BUILD, COCCI (default: the
# tree's scripts/coccinelle/free/devm_free.cocci).
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/common.sh"
rounds=${ROUNDS:-5}
cocci=${COCCI:-$src/scripts/coccinelle/free/devm_free.cocci}
bench_require -x "$here/teardown-check"
if [ -n "$BENCH_BUILD" ]; then
	[ -f "$BENCH_BUILD/.config" ] ||
		{ echo "bench: no configured build directory $BENCH_BUILD" >&2; exit 2; }
	build=$BENCH_BUILD
fi
[ $# -gt 0 ] || set -- drivers/hwmon/xgene-hwmon.o drivers/spi/spi-pci1xxxx.o \
	drivers/media/pci/bt8xx/bttv-driver.o drivers/net/ethernet/intel/e1000e/netdev.o \
	drivers/tty/serial/8250/8250_omap.o drivers/mmc/host/wbsd.o \
	drivers/dma/pch_dma.o drivers/usb/gadget/udc/m66592-udc.o
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/record" <<'REC'
#!/bin/sh
printf '%s\n' "$@" > "$RECORD_TO"
REC
chmod +x "$work/record"

# wall seconds and max RSS (KB) of one run: "SECONDS KB"
measure() {
	/usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
	# a non-zero exit adds a "Command exited with ..." line first
	tail -n 1 "$work/t"
}


printf '%-48s %8s %8s %8s %8s %8s %7s %7s %7s\n' file gcc-c syntax check sparse spatch 'chk/syn' 'chk/gcc' 'mem'
for obj in "$@"; do
	cfile=${obj%.o}.c
	make -s -C "$src" O="$build" "$obj" >/dev/null 2>&1 || { echo "bench: cannot build $obj" >&2; continue; }
	# the argv kbuild gives CHECK for this file
	RECORD_TO=$work/argv make -s -C "$src" O="$build" C=2 CHECK="$work/record" "$obj" >/dev/null 2>&1
	mapfile -t argv < "$work/argv"
	cmd=$(kbuild_command "$build/$(dirname "$obj")/.$(basename "$obj").cmd")
	gcc_c=$(echo "$cmd" | sed "s| -c -o [^ ]* | -c -o $work/out.o |")
	syntax=$(echo "$cmd" | sed 's| -c -o [^ ]* | -fsyntax-only |')
	: > "$work/gcc"; : > "$work/syn"; : > "$work/chk"; : > "$work/sp"; : > "$work/sc"
	for r in $(seq "$rounds"); do
		(cd "$build" && measure sh -c "$gcc_c") >> "$work/gcc"
		(cd "$build" && measure sh -c "$syntax") >> "$work/syn"
		(cd "$build" && measure "$here/teardown-check" "${argv[@]}") >> "$work/chk"
		(cd "$build" && measure sparse "${argv[@]}") >> "$work/sp"
		measure spatch --sp-file "$cocci" -D report --no-includes --very-quiet "$src/$cfile" >> "$work/sc"
	done
	g=$(cut -d' ' -f1 "$work/gcc" | median); y=$(cut -d' ' -f1 "$work/syn" | median)
	c=$(cut -d' ' -f1 "$work/chk" | median); s=$(cut -d' ' -f1 "$work/sp" | median)
	p=$(cut -d' ' -f1 "$work/sc" | median)
	gm=$(cut -d' ' -f2 "$work/gcc" | median); cm=$(cut -d' ' -f2 "$work/chk" | median)
	printf '%-48s %8s %8s %8s %8s %8s %7.2f %7.2f %7.2f\n' "$cfile" "$g" "$y" "$c" "$s" "$p" \
		"$(echo "$c / $y" | bc -l)" "$(echo "$c / $g" | bc -l)" "$(echo "$cm / $gm" | bc -l)"
done
