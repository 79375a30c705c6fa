# Sourced by the other scripts: the environment every command of this repo runs in.
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 COREPACK_INTEGRITY_KEYS=0
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 NEXT_TELEMETRY_DISABLED=1 WRANGLER_SEND_METRICS=false
export CLOUDFLARE_CF_FETCH_ENABLED=false DENO_NO_UPDATE_CHECK=1 DENO_NO_PROMPT=1
export TURBO_NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false

# A `pnpm` on PATH that runs the version pinned in package.json through corepack, so that
# turbo and nested scripts find it, without enabling corepack shims machine-wide.
AUTHLITE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$AUTHLITE_ROOT/.tmp/bin"
if [ ! -x "$AUTHLITE_ROOT/.tmp/bin/pnpm" ]; then
  printf '#!/usr/bin/env sh\nexec corepack pnpm "$@"\n' > "$AUTHLITE_ROOT/.tmp/bin/pnpm"
  chmod +x "$AUTHLITE_ROOT/.tmp/bin/pnpm"
fi
case ":$PATH:" in *":$AUTHLITE_ROOT/.tmp/bin:"*) ;; *) export PATH="$AUTHLITE_ROOT/.tmp/bin:$PATH" ;; esac
