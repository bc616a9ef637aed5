#!/usr/bin/env bash
# Makes sure the Chromium the report.html browser tests drive (through playwright-core) is
# installed: Debian's package, never a browser download. Run by the jest global setup.
#   scripts/ensure-chromium.sh [--quiet]     --quiet: say nothing when chromium is already there
# EVALGATE_CHROMIUM overrides the path (default /usr/bin/chromium).
set -euo pipefail

chromium="${EVALGATE_CHROMIUM:-/usr/bin/chromium}"
quiet=false
[ "${1:-}" = "--quiet" ] && quiet=true

fail() {
  echo "ensure-chromium: $*" >&2
  exit 1
}

if [ -x "$chromium" ]; then
  $quiet || echo "ensure-chromium: using $chromium"
  exit 0
fi

if [ "$chromium" != /usr/bin/chromium ]; then
  fail "EVALGATE_CHROMIUM=$chromium is not an executable file"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  fail "$chromium is missing and there is no apt-get here: install Chromium with your package manager and set EVALGATE_CHROMIUM to its executable"
fi
if [ "$(id -u)" -ne 0 ]; then
  fail "$chromium is missing and installing it needs root: run 'sudo apt-get install -y --no-install-recommends chromium' (or set EVALGATE_CHROMIUM)"
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-chromium: $chromium is missing, installing Debian's chromium package (once)"
if ! apt-get install -y --no-install-recommends chromium; then
  # A fresh image often has no package lists yet.
  echo "ensure-chromium: apt-get install failed, running apt-get update and trying again"
  apt-get update
  apt-get install -y --no-install-recommends chromium || fail "apt-get install chromium failed (see above)"
fi

[ -x "$chromium" ] || fail "the chromium package is installed but $chromium is still missing"
echo "ensure-chromium: installed $chromium"
