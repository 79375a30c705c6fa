/**
 * `@authlite/hono`: TrustAuthX sessions for Hono 4 (Workers, Deno, Bun, Node) on the
 * framework-neutral session layer of `@authlite/session`: a middleware setting
 * `c.get('session')`, route guards with a permission, and login/callback/logout handlers.
 *
 * @packageDocumentation
 */

export { type CookieOptions, DEFAULT_COOKIES, type RequiredPermission, type RouteRule, type Session } from '@authlite/session';
export { type AuthLiteEnv, type AuthLiteHono, type AuthLiteHonoOptions, type AuthLiteVariables, createAuthLite } from './auth-lite-hono.ts';
