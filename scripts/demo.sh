#!/usr/bin/env bash
# Sets up the repo, builds what the demo needs, and runs it: against the embedded emulator,
# or against the real service when TRUSTAUTHX_API_KEY, TRUSTAUTHX_SECRET_KEY and
# TRUSTAUTHX_ORG_ID are set. Install and build output go to .tmp/demo-setup.log.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
log=.tmp/demo-setup.log
echo "Installing and building (output in $log) ..."
if ! { bash scripts/setup.sh && bash scripts/run.sh pnpm exec turbo run build --filter=@authlite/demo... --output-logs=errors-only; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "setup or build failed: the whole output is in $log" >&2
  exit 1
fi
. scripts/env.sh
node examples/demo/dist/main.js
