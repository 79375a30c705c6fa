import { type AuthLiteHandle, createHandle } from '@authlite/core';
import { createKvStore, fromCloudflareKv } from '@authlite/store-kv';
import type { Env } from './env.js';

let cached: AuthLiteHandle | undefined;

/**
 * One handle per isolate (its keys and role cache are reused by every request), made from the
 * bindings on first use. The function form (`createHandle` and the functions the worker
 * calls) keeps the bundle to what the worker uses. Role snapshots live in Workers KV, so a new
 * isolate starts warm. Never make the handle inside the request handler: each request would
 * then import the key again and fetch `GET /rbac/role` again (100 requests, 100 role fetches).
 */
export function authFor(env: Env): AuthLiteHandle {
  // Not keyed on `env`: workerd may hand concurrent requests different `env` objects with the
  // same bindings, and a handle per `env` would split the role cache and the rotation record.
  if (!cached) {
    cached = createHandle({
      apiKey: env.TRUSTAUTHX_API_KEY,
      secretKey: env.TRUSTAUTHX_SECRET_KEY,
      orgId: env.TRUSTAUTHX_ORG_ID,
      ...(env.TRUSTAUTHX_BASE_URL ? { baseUrl: env.TRUSTAUTHX_BASE_URL } : {}),
      ...(env.TRUSTAUTHX_WIDGET_URL ? { widgetUrl: env.TRUSTAUTHX_WIDGET_URL } : {}),
      roleStore: createKvStore(fromCloudflareKv(env.ROLES)),
    });
  }
  return cached;
}
