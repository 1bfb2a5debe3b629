#!/bin/sh
# Unpack one of Debian's linux-source packages once into a cache outside
# the repository and prepare x86_64 allmodconfig build directories in it,
# so that single driver objects (and external modules) can be built
# against real headers: build/ with gcc, build-llvm/ with clang 14
# (make LLVM=-14), for the Clang front end.
#
#   prepare-kernel.sh [VERSION [BUILDS]]
#
# VERSION is 6.12 (the default) or 7.3; BUILDS is gcc, llvm or all (the
# default: both where the kernel allows; 7.3 needs LLVM 17, which Debian
# 12 lacks, so it has only the gcc build).  Prints the source directory on
# stdout.  Re-running is cheap: a stamp file in each build directory
# records a finished preparation.
set -eu

version=${1:-6.12}
builds=${2:-all}
case $version in
6.12)	llvm_ok=1 ;;
7.3)	llvm_ok=0 ;;
*)	echo "prepare-kernel: unknown kernel version '$version' (6.12 or 7.3)" >&2
	exit 2 ;;
esac
case $builds in
gcc)	want_gcc=1; want_llvm=0 ;;
llvm)	want_gcc=0; want_llvm=1 ;;
all)	want_gcc=1; want_llvm=$llvm_ok ;;
*)	echo "prepare-kernel: unknown build set '$builds' (gcc, llvm or all)" >&2
	exit 2 ;;
esac
if [ "$want_llvm" = 1 ] && [ "$llvm_ok" = 0 ]; then
	echo "prepare-kernel: Linux $version needs LLVM 17 or newer; Debian 12 has clang 14" >&2
	exit 2
fi

cache=${TEARDOWN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/teardown-check}
if [ "$version" = 6.12 ]; then
	tarball=${LINUX_SOURCE_TARBALL:-/usr/src/linux-source-$version.tar.xz}
else
	tarball=/usr/src/linux-source-$version.tar.xz
fi
src=$cache/linux-source-$version

# prepare DIR [MAKE-ARGS...]: allmodconfig + modules_prepare, once.
prepare() {
	dir=$1
	shift
	[ -f "$dir/.teardown-prepared" ] && return 0
	echo "prepare-kernel: $* allmodconfig + modules_prepare in $dir" >&2
	make -s -C "$src" O="$dir" "$@" allmodconfig >&2
	make -s -C "$src" O="$dir" "$@" -j"$(nproc)" modules_prepare >&2
	touch "$dir/.teardown-prepared"
}

if [ "$want_gcc" = 0 ] || [ -f "$src/build/.teardown-prepared" ]; then
	if [ "$want_llvm" = 0 ] || [ -f "$src/build-llvm/.teardown-prepared" ]; then
		echo "$src"
		exit 0
	fi
fi
if [ ! -f "$src/Makefile" ]; then
	if [ ! -f "$tarball" ]; then
		echo "prepare-kernel: $tarball missing; run testcases/install-deps.sh (linux-source-$version)" >&2
		exit 2
	fi
	mkdir -p "$cache"
	echo "prepare-kernel: unpacking $tarball into $cache" >&2
	rm -rf "$src.tmp"
	mkdir -p "$src.tmp"
	tar -C "$src.tmp" --strip-components=1 -xJf "$tarball"
	rm -rf "$src"
	mv "$src.tmp" "$src"
fi
[ "$want_gcc" = 0 ] || prepare "$src/build"
if [ "$want_llvm" = 1 ]; then
	command -v clang-14 >/dev/null ||
		{ echo "prepare-kernel: clang-14 missing; apt-get install clang-14 lld-14 llvm-14" >&2; exit 2; }
	prepare "$src/build-llvm" LLVM=-14
fi
echo "$src"
