#!/usr/bin/env bash
# Make sure the headless browser the tests drive is installed: Debian's chromium (+ chromedriver).
# Playwright's own browser download does not work offline, so we use the distribution's build.
set -euo pipefail

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium and chromium-driver for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi

cat >&2 <<MSG
The browser tests need Chromium at $CHROMIUM, and it is not installed.
  - On Debian or Ubuntu, as root: apt-get install chromium chromium-driver
  - Elsewhere: install Chromium or Chrome and run: make test CHROMIUM=/path/to/chromium
MSG
exit 1
