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
  /**
   * Optional, for the emulator only: seconds added to this worker's clock when the SDK judges
   * signed answers, after the emulator's clock was moved forward by as much.
   */
  TRUSTAUTHX_CLOCK_OFFSET_S?: string;
  /** Workers KV namespace holding the role snapshots, shared by every isolate and location. */
  ROLES: CloudflareKvNamespace;
}
