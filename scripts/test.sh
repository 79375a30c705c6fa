#!/usr/bin/env bash
# Sets up the repo, builds every package, and runs every test suite, then prints one
# summary line over all of them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install-chromium.sh
. scripts/env.sh
rm -rf .tmp/test-results && mkdir -p .tmp/test-results
status=0
pnpm test || status=$?
node scripts/summarize-tests.mjs .tmp/test-results || status=1
exit $status
