/**
 * `@authlite/next`: Next.js middleware for `@authlite/core`. Session cookies, token-set
 * validation with refresh, login redirects and role-based route permissions, on the Edge
 * Runtime (`middleware.ts`) or Node (`proxy.ts`).
 *
 * @packageDocumentation
 */
export { createAuthMiddleware, type AuthMiddleware } from './auth-middleware.js';
export {
  DEFAULT_COOKIES,
  RETURN_TO_MAX_AGE_S,
  USER_HEADERS,
  type AuthMiddlewareOptions,
  type CookieOptions,
  type RequiredPermission,
  type RouteRule,
} from './options.js';
export { matchRoute, safeReturnPath } from './route-rules.js';
export { defaultRolesOf } from './roles-of.js';
