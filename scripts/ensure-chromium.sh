#!/usr/bin/env bash
# Make sure the headless browser the tests drive is there, before anything else is installed:
# Debian's chromium (+ chromedriver), or any Chromium or Chrome named by CHROMIUM.
# Playwright's own browser download does not work offline, so we use the distribution's build.
set -euo pipefail

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== Setup: installing Debian's chromium and chromium-driver for the browser tests (about 40 s)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi

cat >&2 <<MSG
The browser tests need Chromium or Chrome, and there is none at $CHROMIUM.
Nothing has been installed yet. Either:
  - on Debian or Ubuntu, as root: apt-get install chromium chromium-driver (then run make test again)
  - or name the one you have: make test CHROMIUM=/path/to/chromium
(make test-fast runs every test that needs no browser.)
MSG
exit 1
