#!/usr/bin/env bash
# Sets up the repo, builds every package, and runs every test suite (typecheck, unit and
# integration tests against the emulator, the runtime matrix, the examples), then prints the
# per-runtime results and one summary line over all suites.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install-chromium.sh
bash scripts/install-redis.sh
. scripts/env.sh
if [ ! -t 1 ]; then export NO_COLOR=1; fi
rm -rf .tmp/test-results && mkdir -p .tmp/test-results
status=0
pnpm test 2>&1 | tee .tmp/test-output.log || status=$?
echo
echo "== runtime matrix"
grep -aE ':test: +(node|deno|bun|workerd|edge-runtime|chromium) +.* (pass|FAIL) +[0-9]+/[0-9]+ checks' .tmp/test-output.log \
  | sed -E 's/^.*:test: +//; s/\x1b\[[0-9;]*m//g' | awk '!seen[$1]++' || echo "(no runtime lines: the runtime matrix did not run)"
echo "== test suites"
node scripts/summarize-tests.mjs .tmp/test-results || status=1
exit $status
