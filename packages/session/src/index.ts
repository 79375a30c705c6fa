/**
 * `@authlite/session`: the framework-neutral TrustAuthX session layer on web-standard
 * `Request`, `Response` and `Headers` (no framework import): chunked HttpOnly session cookies,
 * the login redirect with its return path and login nonce, the callback, logout, refresh with
 * token rotation (single-flight), the permission check, `Cache-Control: private, no-store` on
 * every answer, and typed guard outcomes. `@authlite/next` and `@authlite/hono` are built on it.
 *
 * @packageDocumentation
 */

export { markPrivate, PRIVATE_CACHE_CONTROL } from './cache-headers.ts';
export { COOKIE_CHUNK_SIZE, MAX_COOKIE_CHUNKS } from './cookie-chunks.ts';
export type { GuardOutcome, RefusalReason } from './guard.ts';
export { LOGIN_NONCE_MAX_AGE_S } from './login-nonce.ts';
export { MAX_RETURN_PATH_BYTES, safeReturnPath } from './return-path.ts';
export { defaultRolesOf } from './roles-of.ts';
export { matchRoute } from './route-rules.ts';
export { DEFAULT_SESSION_CACHE_TTL_S } from './session-cache.ts';
export { createSessionLayer, type SessionLayer } from './session-layer.ts';
export { type CookieOptions, DEFAULT_COOKIES, type RequiredPermission, type RouteRule, type SessionOptions } from './session-options.ts';
export type { Session } from './session-user.ts';
