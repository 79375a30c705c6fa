import type { CloudflareKvNamespace } from '@authlite/store-kv';

/** The worker's bindings (wrangler.toml, `wrangler secret put`). */
export interface Env {
  TRUSTAUTHX_API_KEY: string;
  TRUSTAUTHX_SECRET_KEY: string;
  TRUSTAUTHX_ORG_ID: string;
  /** Optional: another API base URL, e.g. the local emulator `http://127.0.0.1:8787`. */
  TRUSTAUTHX_BASE_URL?: string;
  /** Optional: another login widget URL. */
  TRUSTAUTHX_WIDGET_URL?: string;
  /** Workers KV namespace holding the role snapshots, shared by every isolate and location. */
  ROLES: CloudflareKvNamespace;
}
