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
  /** Cookie holding the access token (`<name>.0`, `<name>.1`, ... when over 3600 bytes). Default `authlite_access`. */
  access?: string;
  /** Cookie holding the refresh token (chunked the same way). Default `authlite_refresh`. */
  refresh?: string;
  /** Cookie holding where to go back after login (a path of the app, 600 s). Default `authlite_return_to`. */
  returnTo?: string;
  /** Cookie holding the login nonce (600 s), set when a login starts and required by the callback. Default `authlite_login`. */
  nonce?: string;
  /** Lifetime of the token cookies, seconds. Default 2592000 (30 days, the service's refresh token lifetime). */
  maxAge?: number;
  /** `Secure` attribute. Default: true when the request is https. */
  secure?: boolean;
}

/** Options of the session layer ({@link createSessionLayer}) and of the framework helpers built on it. Checked at once; a bad one throws `ConfigurationError` naming it. */
export interface SessionOptions {
  /**
   * The client, or a function that makes it on first use (so environment variables are
   * read at request time, not at build time). Made once per module instance.
   */
  client: AuthLiteClient | (() => AuthLiteClient);
  /** Routes that need a session; any other request passes through the proxy untouched. */
  routes: RouteRule[];
  /** Where to go after login when no return path was saved. A path of the app. Default `/`. */
  afterLoginPath?: string;
  /** Where the logout handler sends the browser (303). A path of the app. Default `/`. */
  afterLogoutPath?: string;
  /** The user's role ids from their user data. Default: the `roles` claim when it is a list of strings. */
  rolesOf?: (user: UserData) => string[];
  /** Names, lifetime and `Secure` attribute of the session cookies (see {@link CookieOptions}). */
  cookies?: CookieOptions;
  /**
   * Seconds a positive answer about an access token (valid, and its user data) is reused,
   * never past the token's `exp`. Default 30: a token revoked elsewhere is refused within
   * 30 s; the helper's own logout evicts at once. 0 turns the cache off (every request asks
   * the service). At most 3600.
   */
  sessionCacheTtl?: number;
  /**
   * Removed: the token rotation record is the client's. A refresh token rotated a moment ago
   * yields the same new pair for the client's `refreshGracePeriod` (seconds, `AuthLiteClient`
   * option, default 30, 0 turns it off). Passing this option throws a ConfigurationError.
   */
  refreshGrace?: never;
  /** The helper's clock in milliseconds since the epoch, read by the session cache. Default `Date.now`; tests move it. */
  now?: () => number;
}

/** Defaults of {@link CookieOptions}: cookie names, and `maxAge` in seconds (30 days). */
export const DEFAULT_COOKIES = {
  access: 'authlite_access',
  refresh: 'authlite_refresh',
  returnTo: 'authlite_return_to',
  nonce: 'authlite_login',
  maxAge: 2_592_000,
} as const;
