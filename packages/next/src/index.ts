/**
 * `@authlite/next`: TrustAuthX sessions for Next.js 16 on `@authlite/core`. A proxy for
 * `proxy.ts` (Node) or `middleware.ts` (Edge Runtime) guarding routes, route handlers for
 * login, callback and logout, and `getSession()` for server code. The session logic lives in
 * framework-free modules on web-standard Request, Response and Headers (`src/session/`).
 *
 * @packageDocumentation
 */
export { createAuthLite, type AuthLite, type AuthProxy } from './auth-lite.js';
export { DEFAULT_COOKIES, type AuthLiteNextOptions, type CookieOptions, type RequiredPermission, type RouteRule } from './options.js';
export { defaultRolesOf } from './roles-of.js';
export { COOKIE_CHUNK_SIZE, MAX_COOKIE_CHUNKS } from './session/cookie-chunks.js';
export { LOGIN_NONCE_MAX_AGE_S } from './session/login-nonce.js';
export { MAX_RETURN_PATH_BYTES, safeReturnPath } from './session/return-path.js';
export { DEFAULT_REFRESH_GRACE_S } from './session/rotation-record.js';
export { matchRoute } from './session/route-rules.js';
export { DEFAULT_SESSION_CACHE_TTL_S } from './session/session-cache.js';
export type { Session } from './session/session-user.js';
