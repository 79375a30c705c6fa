#!/usr/bin/env bash
# Sets up the repo, then in two phases: builds and type-checks every package (all builds finish
# before any test reads them), and runs every test suite (unit and integration tests against the
# emulator, the runtime matrix, the examples, the consumer test of the packed tarballs, Node 22
# and 24, the docs check). Every suite runs even when another fails. Closes with one line per
# runtime, one line per suite (passed/failed/skipped or "did not run") and the plain line
# "N passed, N failed, N skipped". Full output: .tmp/test-output.log.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install-chromium.sh
bash scripts/install-redis.sh
. scripts/env.sh
if [ ! -t 1 ]; then export NO_COLOR=1; fi
rm -rf .tmp/test-results .turbo/runs && mkdir -p .tmp/test-results
status=0

echo "== build, typecheck and lint"
build_status=0
pnpm exec turbo run build typecheck lint --continue --output-logs=errors-only 2>&1 | tee .tmp/build-output.log || build_status=$?
[ "$build_status" -eq 0 ] || status=$build_status

echo "== tests"
# --only: the builds are done; no test task starts a build while another test reads dist/.
pnpm exec turbo run test --only --continue --concurrency=2 --summarize 2>&1 | tee .tmp/test-output.log || status=$?

echo
echo "== runtime matrix"
grep -aE ':test: +(node|deno|bun|workerd|edge-runtime|chromium) +.* (pass|FAIL) +[0-9]+/[0-9]+ checks' .tmp/test-output.log \
  | sed -E 's/^.*:test: +//; s/\x1b\[[0-9;]*m//g' | awk '!seen[$1]++' || echo "(no runtime lines: the runtime matrix did not run)"
echo "== packaging (consumer test)"
grep -a 'consumer figure: ' .tmp/test-output.log | sed -E 's/^.*consumer figure: /  /; s/\x1b\[[0-9;]*m//g' | awk '!seen[$0]++' || echo "  (no figures: the consumer test did not get that far)"
echo "== build, typecheck and lint"
if [ "$build_status" -eq 0 ]; then echo "  every package built, type-checked and linted"
else grep -aE '^ *Failed: ' .tmp/build-output.log | sed -E 's/\x1b\[[0-9;]*m//g; s/^ *Failed: +/  FAILED   /' || echo "  FAILED   (see .tmp/build-output.log)"; fi
echo "== test suites"
node scripts/summarize-tests.mjs .tmp/test-results "$(ls -t .turbo/runs/*.json 2>/dev/null | head -1)" || status=1
exit $status
