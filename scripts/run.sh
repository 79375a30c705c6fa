#!/usr/bin/env bash
# Runs one command in the repo's environment (scripts/env.sh): the root package.json scripts
# go through it, so `corepack pnpm <script>` works from any shell.
set -euo pipefail
. "$(dirname "$0")/env.sh"
exec "$@"
