#!/bin/sh
# Install the Debian packages teardown-check and its tests need, if any is
# missing.  Runs apt-get (as root, or through sudo).  Then fetch the published
# SARIF 2.1.0 JSON schema once into the cache prepare-kernel.sh uses, for the
# tests that validate SARIF output.
set -eu

packages="make gcc g++ gcc-12-plugin-dev python3 python3-pytest
	linux-source-6.12 xz-utils flex bison bc libelf-dev libssl-dev
	coccinelle sparse time python3-jsonschema python3-rfc3987 man-db
	clang-14 lld-14 llvm-14 llvm-14-dev libclang-14-dev libclang-cpp14-dev"

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
# Only the command matters: NodeSource's nodejs ships its own npm, which
# Debian's npm package would conflict with.
command -v npm >/dev/null || missing="$missing npm"

if [ -n "$missing" ]; then
	echo "install-deps: installing:$missing" >&2
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null ||
			{ echo "install-deps: need root to install:$missing" >&2; exit 2; }
		sudo=sudo
	fi
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -q
	# shellcheck disable=SC2086
	$sudo apt-get install -y -q --no-install-recommends $missing
fi

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
