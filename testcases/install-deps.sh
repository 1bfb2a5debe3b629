#!/bin/sh
# Install the Debian packages teardown-check and its tests need, if any is
# missing.  Runs apt-get (as root, or through sudo).  Then fetch the published
# SARIF 2.1.0 JSON schema once into the cache prepare-kernel.sh uses, for the
# tests that validate SARIF output.
#
#   install-deps.sh                 everything make check needs (both kernels)
#   install-deps.sh --demo VERSION  only what make demo needs: the GCC plugin's
#                                   build and Linux VERSION (6.12 or 7.3)
set -eu

# What building the GCC plugin and preparing a kernel need.
gcc_packages="make gcc g++ gcc-12-plugin-dev libjansson-dev libsqlite3-dev zlib1g-dev
	sqlite3 xz-utils flex bison bc
	libelf-dev libssl-dev"
demo=""
case ${1:-} in
"")	kernels="6.12 7.3"
	packages="$gcc_packages python3 python3-pytest python3-pytest-xdist
	linux-source-6.12
	coccinelle sparse time python3-jsonschema python3-rfc3987 man-db
	clang-14 lld-14 llvm-14 llvm-14-dev libclang-14-dev libclang-cpp14-dev" ;;
--demo)	demo=1
	kernels=${2:-7.3}
	packages=$gcc_packages
	case $kernels in
	6.12)	packages="$packages linux-source-6.12" ;;
	7.3)	;;
	*)	echo "install-deps: unknown kernel version '$kernels' (6.12 or 7.3)" >&2
		exit 2 ;;
	esac ;;
*)	echo "usage: install-deps.sh [--demo 6.12|7.3]" >&2
	exit 2 ;;
esac

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
# Only the command matters: NodeSource's nodejs ships its own npm, which
# Debian's npm package would conflict with.
[ -n "$demo" ] || command -v npm >/dev/null || missing="$missing npm"

sudo=""
if [ "$(id -u)" != 0 ]; then
	sudo=sudo
fi
if [ -n "$missing" ]; then
	echo "install-deps: installing:$missing" >&2
	[ -z "$sudo" ] || command -v sudo >/dev/null ||
		{ echo "install-deps: need root to install:$missing" >&2; exit 2; }
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -q
	# shellcheck disable=SC2086
	$sudo apt-get install -y -q --no-install-recommends $missing
fi

# Linux 7.3 comes from Debian's trixie-backports (an architecture-all
# tarball package that installs on Debian 12).  Reach that suite through
# the mirror this machine's apt sources already use, pinned so that apt
# takes nothing else from it.
backports_list=/etc/apt/sources.list.d/teardown-check-trixie-backports.sources
backports_pin=/etc/apt/preferences.d/teardown-check-trixie-backports
debian_mirror() {
	# deb822 sources first, then one-line ones; the first Debian archive
	# (not its security archive) wins.
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		sed -n 's/^URIs:[[:space:]]*//p' "$f" | tr ' ' '\n'
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -n -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' "$f"
	done
}
case " $kernels " in
*" 7.3 "*)	want73=1 ;;
*)		want73="" ;;
esac
if [ -n "$want73" ] && ! dpkg-query -W -f='${Status}' linux-source-7.3 2>/dev/null |
		grep -q "ok installed"; then
	mirror=$(debian_mirror | grep -E '/debian/?$' | grep -v security | head -n 1)
	[ -n "$mirror" ] ||
		{ echo "install-deps: no Debian mirror in /etc/apt/sources*: cannot reach trixie-backports for linux-source-7.3" >&2; exit 2; }
	echo "install-deps: installing linux-source-7.3 from trixie-backports (pinned)" >&2
	$sudo sh -c "cat > $backports_list" <<-EOF
	Types: deb
	URIs: $mirror
	Suites: trixie-backports
	Components: main
	Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
	EOF
	$sudo sh -c "cat > $backports_pin" <<-EOF
	# teardown-check: only linux-source-7.3 from trixie-backports
	Package: *
	Pin: release n=trixie-backports
	Pin-Priority: -1

	Package: linux-source-7.3
	Pin: release n=trixie-backports
	Pin-Priority: 500
	EOF
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -q
	$sudo apt-get install -y -q --no-install-recommends linux-source-7.3
fi

# The demo validates no SARIF.
[ -z "$demo" ] || exit 0

# The OASIS SARIF 2.1.0 schema (draft 2020-12), as Microsoft's SARIF
# multitool ships it on npm.  Fetched as the invoking user, into the same
# cache as the kernel (conftest.py finds it there).
cache=${TEARDOWN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/teardown-check}
schema=$cache/sarif-2.1.0.json
sarif_pkg=@microsoft/sarif-multitool-linux@5.7.0

is_json() {
	[ -s "$1" ] && python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
		"$1" 2>/dev/null
}
is_json "$schema" && exit 0

fail() {
	echo "install-deps: cannot fetch sarif-2.1.0.json from $sarif_pkg: $*" >&2
	exit 3
}
echo "install-deps: fetching sarif-2.1.0.json from $sarif_pkg" >&2
mkdir -p "$cache" || fail "cannot create $cache"
tmp=$(mktemp -d "$cache/sarif.XXXXXX") || fail "cannot create a temp dir in $cache"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
# A private npm cache: the 43 MB tarball must not stay in ~/.npm either.
tgz=$(cd "$tmp" && npm pack --loglevel=error --cache "$tmp/npm-cache" \
	"$sarif_pkg" </dev/null 2>"$tmp/npm.log") ||
	fail "npm pack failed: $(sed -n -E 's/^npm (error|ERR!) +//p' "$tmp/npm.log" |
		grep -v -m 1 -E '^(code|syscall|errno) ')"
(cd "$tmp" && tar xzf "$tgz" package/sarif-2.1.0.json 2>/dev/null) ||
	fail "no package/sarif-2.1.0.json in $tgz"
rm -f "$tmp/$tgz"
is_json "$tmp/package/sarif-2.1.0.json" || fail "the file is not valid JSON"
mv "$tmp/package/sarif-2.1.0.json" "$schema"
