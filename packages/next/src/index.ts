/**
 * `@authlite/next`: TrustAuthX sessions for Next.js 16 on `@authlite/core`. A proxy for
 * `proxy.ts` (Node) or `middleware.ts` (Edge Runtime) guarding routes, route handlers for
 * login, callback and logout, and `getSession()` for server code. The session logic is the
 * framework-neutral layer of `@authlite/session` (web-standard Request, Response and Headers).
 *
 * @packageDocumentation
 */
export { createAuthLite, type AuthLite, type AuthLiteNextOptions, type AuthProxy } from './auth-lite.js';
export {
  COOKIE_CHUNK_SIZE,
  DEFAULT_COOKIES,
  DEFAULT_REFRESH_GRACE_S,
  DEFAULT_SESSION_CACHE_TTL_S,
  defaultRolesOf,
  LOGIN_NONCE_MAX_AGE_S,
  matchRoute,
  MAX_COOKIE_CHUNKS,
  MAX_RETURN_PATH_BYTES,
  safeReturnPath,
  type CookieOptions,
  type RequiredPermission,
  type RouteRule,
  type Session,
} from '@authlite/session';
