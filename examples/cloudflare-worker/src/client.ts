import { AuthLiteClient } from '@authlite/core';
import { createKvStore, fromCloudflareKv } from '@authlite/store-kv';
import type { Env } from './env.js';

let cached: { env: Env; client: AuthLiteClient } | undefined;

/**
 * One client per isolate (its keys and role cache are reused by every request), made from the
 * bindings on first use. Role snapshots live in Workers KV, so a new isolate starts warm.
 */
export function clientFor(env: Env): AuthLiteClient {
  if (cached?.env !== env) {
    const offsetMs = Number(env.TRUSTAUTHX_CLOCK_OFFSET_S ?? 0) * 1000;
    const client = new AuthLiteClient({
      ...(offsetMs ? { clock: () => Date.now() + offsetMs } : {}),
      apiKey: env.TRUSTAUTHX_API_KEY,
      secretKey: env.TRUSTAUTHX_SECRET_KEY,
      orgId: env.TRUSTAUTHX_ORG_ID,
      ...(env.TRUSTAUTHX_BASE_URL ? { baseUrl: env.TRUSTAUTHX_BASE_URL } : {}),
      ...(env.TRUSTAUTHX_WIDGET_URL ? { widgetUrl: env.TRUSTAUTHX_WIDGET_URL } : {}),
      roleStore: createKvStore(fromCloudflareKv(env.ROLES)),
    });
    cached = { env, client };
  }
  return cached.client;
}
