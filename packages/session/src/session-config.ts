import { type AuthLiteClient, ConfigurationError, type UserData } from '@authlite/core';
import { refuseUnknownKeys } from '@authlite/core/options';
import { defaultRolesOf } from './roles-of.ts';
import { DEFAULT_SESSION_CACHE_TTL_S, SessionCache } from './session-cache.ts';
import type { SessionCookieSettings } from './session-cookies.ts';
import { type CookieOptions, DEFAULT_COOKIES, type RouteRule, type SessionOptions } from './session-options.ts';
import { SingleFlight } from './single-flight.ts';

/** Everything a session request handler needs, resolved once from the options. */
export interface SessionConfig {
  client(): AuthLiteClient;
  routes: readonly RouteRule[];
  afterLoginPath: string;
  afterLogoutPath: string;
  rolesOf: (user: UserData) => string[];
  cache: SessionCache;
  /** `getUserData` calls in progress, by access token. */
  userReads: SingleFlight<UserData>;
  /** The four cookie names. */
  cookieNames: Pick<SessionCookieSettings, 'access' | 'refresh' | 'returnTo' | 'nonce'>;
  /** Cookie settings for a request to `url` (`Secure` follows https unless set). */
  cookies(url: URL): SessionCookieSettings;
}

/** Every key of {@link SessionOptions} (the compiler keeps the two lists equal). */
const OPTION_KEYS = Object.keys({
  client: 1,
  routes: 1,
  afterLoginPath: 1,
  afterLogoutPath: 1,
  rolesOf: 1,
  cookies: 1,
  sessionCacheTtl: 1,
  refreshGrace: 1,
  now: 1,
} satisfies Record<keyof SessionOptions, 1>);
/** Every key of {@link CookieOptions}. */
const COOKIE_KEYS = Object.keys({ access: 1, refresh: 1, returnTo: 1, nonce: 1, maxAge: 1, secure: 1 } satisfies Record<
  keyof CookieOptions,
  1
>);

const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Checks the options and resolves their defaults.
 * @throws ConfigurationError naming the first bad option.
 */
export function resolveConfig(options: SessionOptions): SessionConfig {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('options', 'Invalid options: expected an object');
  refuseUnknownKeys(options, OPTION_KEYS);
  refuseUnknownKeys(options.cookies, COOKIE_KEYS);
  const { client } = options;
  if (typeof client !== 'function' && (typeof client !== 'object' || client === null)) {
    throw new ConfigurationError('client', 'Invalid option "client": expected an AuthLiteClient or a function returning one');
  }
  if (!Array.isArray(options.routes)) throw new ConfigurationError('routes', 'Invalid option "routes": expected a list of route rules');
  for (const [i, rule] of options.routes.entries()) checkRule(rule, i);
  const afterLoginPath = appPath(options.afterLoginPath, 'afterLoginPath');
  const afterLogoutPath = appPath(options.afterLogoutPath, 'afterLogoutPath');
  const ttl = options.sessionCacheTtl ?? DEFAULT_SESSION_CACHE_TTL_S;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl < 0 || ttl > 3600) {
    throw new ConfigurationError('sessionCacheTtl', 'Invalid option "sessionCacheTtl": expected seconds from 0 to 3600');
  }
  if ('refreshGrace' in options) {
    throw new ConfigurationError(
      'refreshGrace',
      'Invalid option "refreshGrace": the token rotation record is the client\'s; set refreshGracePeriod (seconds) on the AuthLiteClient',
    );
  }
  if (options.rolesOf !== undefined && typeof options.rolesOf !== 'function')
    throw new ConfigurationError('rolesOf', 'Invalid option "rolesOf": expected a function');
  if (options.now !== undefined && typeof options.now !== 'function')
    throw new ConfigurationError('now', 'Invalid option "now": expected a function returning milliseconds');
  const names = {
    access: cookieName(options.cookies?.access, DEFAULT_COOKIES.access, 'cookies.access'),
    refresh: cookieName(options.cookies?.refresh, DEFAULT_COOKIES.refresh, 'cookies.refresh'),
    returnTo: cookieName(options.cookies?.returnTo, DEFAULT_COOKIES.returnTo, 'cookies.returnTo'),
    nonce: cookieName(options.cookies?.nonce, DEFAULT_COOKIES.nonce, 'cookies.nonce'),
  };
  if (new Set(Object.values(names)).size !== 4)
    throw new ConfigurationError('cookies', 'Invalid option "cookies": the four cookie names must differ');
  const maxAgeS = options.cookies?.maxAge ?? DEFAULT_COOKIES.maxAge;
  if (!Number.isInteger(maxAgeS) || maxAgeS < 1)
    throw new ConfigurationError('cookies.maxAge', 'Invalid option "cookies.maxAge": expected a positive whole number of seconds');
  const secure = options.cookies?.secure;
  if (secure !== undefined && typeof secure !== 'boolean')
    throw new ConfigurationError('cookies.secure', 'Invalid option "cookies.secure": expected a boolean');

  const nowMs = options.now ?? Date.now;
  let made: AuthLiteClient | undefined;
  return {
    client: () => (made ??= typeof client === 'function' ? client() : client),
    routes: [...options.routes],
    afterLoginPath,
    afterLogoutPath,
    rolesOf: options.rolesOf ?? defaultRolesOf,
    cache: new SessionCache(ttl, nowMs),
    userReads: new SingleFlight(),
    cookieNames: names,
    cookies: (url) => ({ ...names, maxAgeS, secure: secure ?? url.protocol === 'https:' }),
  };
}

function checkRule(rule: RouteRule, i: number): void {
  const at = `routes[${i}]`;
  if (typeof rule !== 'object' || rule === null) throw new ConfigurationError(at, `Invalid option "${at}": expected { path, permission? }`);
  if (!(rule.path instanceof RegExp) && (typeof rule.path !== 'string' || !rule.path.startsWith('/'))) {
    throw new ConfigurationError(`${at}.path`, `Invalid option "${at}.path": expected a path starting with / or a RegExp`);
  }
  const permission = rule.permission;
  if (
    permission !== undefined &&
    (typeof permission?.key !== 'string' || typeof permission.value !== 'string' || !permission.key || !permission.value)
  ) {
    throw new ConfigurationError(`${at}.permission`, `Invalid option "${at}.permission": expected { key, value }, two non-empty strings`);
  }
}

function appPath(path: string | undefined, option: string): string {
  if (path === undefined) return '/';
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || /[\u0000-\u001f\u007f\\]/.test(path)) {
    throw new ConfigurationError(option, `Invalid option "${option}": expected a path of the app starting with a single /`);
  }
  return path;
}

function cookieName(name: string | undefined, fallback: string, option: string): string {
  if (name === undefined) return fallback;
  if (typeof name !== 'string' || !COOKIE_NAME.test(name))
    throw new ConfigurationError(option, `Invalid option "${option}": expected a cookie name (RFC 6265 token)`);
  return name;
}
