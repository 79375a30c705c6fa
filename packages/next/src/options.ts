import type { AuthLiteClient, UserData } from '@authlite/core';

/** A permission a route requires: role R grants it when R gives `key` the value `value`. */
export interface RequiredPermission {
  key: string;
  value: string;
}

/** A protected route: `path` and everything under it (`/admin` covers `/admin/users`). */
export interface RouteRule {
  /** A path starting with `/`, matched exactly or as a prefix followed by `/`; or a RegExp tested against the pathname. */
  path: string | RegExp;
  /** When given, one of the user's roles must grant it, else the answer is 403. Without it, being logged in is enough. */
  permission?: RequiredPermission;
}

/** Names and lifetime of the session cookies. */
export interface CookieOptions {
  /** Cookie holding the access token. Default `authlite_access`. */
  access?: string;
  /** Cookie holding the refresh token. Default `authlite_refresh`. */
  refresh?: string;
  /** Cookie holding where to go back after login (a same-site path, 600 s). Default `authlite_return_to`. */
  returnTo?: string;
  /** Lifetime of the token cookies, seconds. Default 2592000 (30 days, the service's refresh token lifetime). */
  maxAge?: number;
  /** `Secure` attribute. Default: true when the request is https. */
  secure?: boolean;
}

/** Options of {@link createAuthMiddleware}. */
export interface AuthMiddlewareOptions {
  /**
   * The client, or a function that makes it on first use (so environment variables are
   * read at request time, not at build time). Made once per isolate.
   */
  client: AuthLiteClient | (() => AuthLiteClient);
  /** Routes that need a session; anything else passes through untouched. */
  routes: RouteRule[];
  /** Path the login widget redirects back to with `?code=`. Default `/auth/callback`. */
  callbackPath?: string;
  /** Where to go after login when no return path was saved. Default `/`. */
  afterLoginPath?: string;
  /** The user's role ids from their user data. Default: the `roles` claim when it is a list of strings. */
  rolesOf?: (user: UserData) => string[];
  cookies?: CookieOptions;
}

/** Request headers the middleware sets for the route (and strips from incoming requests, so they cannot be forged). */
export const USER_HEADERS = { uid: 'x-authlite-uid', email: 'x-authlite-email', roles: 'x-authlite-roles' } as const;

/** Defaults of {@link CookieOptions}. */
export const DEFAULT_COOKIES = {
  access: 'authlite_access',
  refresh: 'authlite_refresh',
  returnTo: 'authlite_return_to',
  maxAge: 2_592_000,
} as const;

/** Lifetime of the return-path cookie, seconds. */
export const RETURN_TO_MAX_AGE_S = 600;
