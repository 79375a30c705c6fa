#!/usr/bin/env bash
# Installs everything the repo needs on a machine with Node 20 and npm only:
# pnpm (through corepack, pinned by package.json) and the locked dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
node -e 'const [maj, min] = process.versions.node.split(".").map(Number); if (maj < 20 || (maj === 20 && min < 19)) { console.error("authlite needs Node >= 20.19, found " + process.version); process.exit(1); }'
pnpm install --frozen-lockfile
