/**
 * `@authlite/hono`: TrustAuthX sessions for Hono 4 (Workers, Deno, Bun, Node) on the
 * framework-neutral session layer of `@authlite/session`: a middleware setting
 * `c.get('session')`, route guards with a permission, and login/callback/logout handlers.
 *
 * @packageDocumentation
 */
export { createAuthLite, type AuthLiteEnv, type AuthLiteHono, type AuthLiteHonoOptions, type AuthLiteVariables } from './auth-lite-hono.js';
export { DEFAULT_COOKIES, type CookieOptions, type RequiredPermission, type RouteRule, type Session } from '@authlite/session';
