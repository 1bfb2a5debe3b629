#!/bin/sh
# Install the Debian packages teardown-check and its tests need, if any is
# missing.  Runs apt-get (as root, or through sudo).
set -eu

packages="make gcc g++ gcc-12-plugin-dev python3 python3-pytest
	linux-source-6.12 xz-utils flex bison bc libelf-dev libssl-dev
	coccinelle sparse time"

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

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
