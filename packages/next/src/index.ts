/**
 * `@authlite/next`: TrustAuthX sessions for Next.js 16 on `@authlite/core`. A proxy for
 * `proxy.ts` (Node) or `middleware.ts` (Edge Runtime) guarding routes, route handlers for
 * login, callback and logout, and `getSession()` for server code. The session logic is the
 * framework-neutral layer of `@authlite/session` (web-standard Request, Response and Headers).
 *
 * @packageDocumentation
 */

export {
  COOKIE_CHUNK_SIZE,
  type CookieOptions,
  DEFAULT_COOKIES,
  DEFAULT_SESSION_CACHE_TTL_S,
  defaultRolesOf,
  LOGIN_NONCE_MAX_AGE_S,
  MAX_COOKIE_CHUNKS,
  MAX_RETURN_PATH_BYTES,
  matchRoute,
  type RequiredPermission,
  type RouteRule,
  type Session,
  safeReturnPath,
} from '@authlite/session';
export { type AuthLite, type AuthLiteNextOptions, type AuthProxy, createAuthLite } from './auth-lite.ts';
