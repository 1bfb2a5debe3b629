#!/bin/sh
# Unpack Debian's linux-source-6.12 once into a cache outside the repository
# and prepare an x86_64 allmodconfig build directory in it, so that single
# driver objects (and external modules) can be built against real headers.
#
# Prints the source directory on stdout.  Re-running is cheap: a stamp file
# records a finished preparation.
set -eu

cache=${TEARDOWN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/teardown-check}
tarball=${LINUX_SOURCE_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
src=$cache/linux-source-6.12
build=$src/build
stamp=$build/.teardown-prepared

if [ -f "$stamp" ]; then
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
echo "prepare-kernel: allmodconfig + modules_prepare in $build" >&2
make -s -C "$src" O="$build" allmodconfig >&2
make -s -C "$src" O="$build" -j"$(nproc)" modules_prepare >&2
touch "$stamp"
echo "$src"
