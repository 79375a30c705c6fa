#!/usr/bin/env bash
# Runs the whole test command N times (default 5) on a fresh clone of this checkout while
# busy loops keep every core busy, and prints one line per run: exit status, wall time and
# the summary line. Usage: bash scripts/under-load.sh [runs] [clone dir]
# Flakiness check for issue 10: the suite must pass every run on a loaded machine.
set -uo pipefail
runs="${1:-5}"
here="$(cd "$(dirname "$0")/.." && pwd)"
clone="${2:-$(mktemp -d /tmp/authlite-under-load-XXXXXX)}"
[ -d "$clone/.git" ] || git clone --quiet "$here" "$clone"
cores="$(nproc)"
loops=()
for _ in $(seq "$cores"); do
  node -e 'for (;;) {}' &
  loops+=("$!")
done
stop_loops() { for pid in "${loops[@]}"; do kill "$pid" 2>/dev/null; done; }
trap stop_loops EXIT
echo "clone $clone, $cores busy loops (pids ${loops[*]}), $runs runs"
passed=0
for run in $(seq "$runs"); do
  started=$(date +%s)
  (cd "$clone" && bash scripts/test.sh >"$clone/.run-$run.log" 2>&1)
  status=$?
  took=$(( $(date +%s) - started ))
  [ "$status" -eq 0 ] && passed=$((passed + 1))
  echo "run $run: exit $status, ${took} s, $(grep -aE '^[0-9]+ passed, [0-9]+ failed' "$clone/.run-$run.log" | tail -1)"
done
echo "$passed of $runs runs passed"
