#!/usr/bin/env bash
# Install the Debian packages parley needs to build (and, with --test, to test) as root, or
# print the exact apt-get line and stop (as another user). Does nothing when everything is there.
set -euo pipefail
PKGS="build-essential cmake pkg-config libjansson-dev libxml2-dev libutf8proc-dev libcmocka-dev
      libsqlite3-dev sqlite3 libmicrohttpd-dev wordnet-base clang libclang-rt-14-dev bc"
# The tests also drive the dashboard in Debian's headless Chromium and the API with curl.
[ "${1:-}" = --test ] && PKGS="$PKGS chromium curl"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js and npm build the lexicon (npm package brill); any working install will do.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "parley needs these Debian packages; install them with:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "parley: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq $missing >/dev/null
