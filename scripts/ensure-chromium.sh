#!/usr/bin/env bash
# The browser the e2e browser tests drive (playwright-core, e2e/support/browser.ts): Debian's
# chromium at /usr/bin/chromium. Installed with apt-get when missing (as root, as on CI and
# the project's machines); used by the tests' setup and by .ci/run.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$CHROMIUM is missing: install Debian's chromium (apt-get install -y chromium) as root" >&2
  exit 1
fi
echo "installing chromium (Debian) for the browser tests" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
test -x "$CHROMIUM"
