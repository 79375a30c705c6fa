#!/usr/bin/env bash
# Installs Debian's redis-server for the shared role store tests (store-kv, bench), when it is
# missing. The tests start their own server on a free loopback port and stop it by pid.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# Debian starts a system service on port 6379; the tests never use it.
if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl disable --now redis-server >/dev/null 2>&1 || true; fi
redis-server --version
