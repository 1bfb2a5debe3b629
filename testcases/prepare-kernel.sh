#!/bin/sh
# Unpack Debian's linux-source-6.12 once into a cache outside the repository
# and prepare two x86_64 allmodconfig build directories in it, so that
# single driver objects (and external modules) can be built against real
# headers: build/ with gcc, build-llvm/ with clang 14 (make LLVM=-14), for
# the Clang front end.
#
# Prints the source directory on stdout.  Re-running is cheap: a stamp file
# in each build directory records a finished preparation.
set -eu

cache=${TEARDOWN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/teardown-check}
tarball=${LINUX_SOURCE_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
src=$cache/linux-source-6.12
build=$src/build
stamp=$build/.teardown-prepared
llvm_build=$src/build-llvm
llvm_stamp=$llvm_build/.teardown-prepared

if [ -f "$stamp" ] && [ -f "$llvm_stamp" ]; then
	echo "$src"
	exit 0
fi
if [ ! -f "$tarball" ]; then
	echo "prepare-kernel: $tarball missing; apt-get install linux-source-6.12" >&2
	exit 2
fi
mkdir -p "$cache"
if [ ! -f "$src/Makefile" ]; then
	echo "prepare-kernel: unpacking $tarball into $cache" >&2
	rm -rf "$src.tmp"
	mkdir -p "$src.tmp"
	tar -C "$src.tmp" --strip-components=1 -xJf "$tarball"
	rm -rf "$src"
	mv "$src.tmp" "$src"
fi
if [ ! -f "$stamp" ]; then
	echo "prepare-kernel: allmodconfig + modules_prepare in $build" >&2
	make -s -C "$src" O="$build" allmodconfig >&2
	make -s -C "$src" O="$build" -j"$(nproc)" modules_prepare >&2
	touch "$stamp"
fi
if [ ! -f "$llvm_stamp" ]; then
	command -v clang-14 >/dev/null ||
		{ echo "prepare-kernel: clang-14 missing; apt-get install clang-14 lld-14 llvm-14" >&2; exit 2; }
	echo "prepare-kernel: LLVM=-14 allmodconfig + modules_prepare in $llvm_build" >&2
	make -s -C "$src" O="$llvm_build" LLVM=-14 allmodconfig >&2
	make -s -C "$src" O="$llvm_build" LLVM=-14 -j"$(nproc)" modules_prepare >&2
	touch "$llvm_stamp"
fi
echo "$src"
