#!/usr/bin/env bash
# Sets up the repo, builds what the demo needs, and runs it: against the embedded emulator,
# or against the real service when TRUSTAUTHX_API_KEY, TRUSTAUTHX_SECRET_KEY and
# TRUSTAUTHX_ORG_ID are set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
pnpm demo
