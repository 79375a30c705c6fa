#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the browser tests, when it is missing.
# playwright-core drives it; never `playwright install` (it downloads, which fails here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
