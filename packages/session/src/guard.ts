import { parseCookieHeader } from './cookie-header.ts';
import { startLogin } from './login-flow.ts';
import { textResponse, unavailableResponse } from './responses.ts';
import { returnPathToSave } from './return-path.ts';
import { matchRoute } from './route-rules.ts';
import { checkSession } from './session-check.ts';
import type { SessionConfig } from './session-config.ts';
import { clearSessionCookies, cookieHeaderWithSession, readSession, setSessionCookies } from './session-cookies.ts';
import type { RouteRule } from './session-options.ts';

/** Why the guard answers a request itself. */
export type RefusalReason =
  /** No session, an unreadable one, or tokens the service refuses: redirect to the login widget. */
  | 'needs-login'
  /** Signed in, but no role of the user grants the route's permission: 403. */
  | 'forbidden'
  /** The service failed (network, timeout, 5xx): 503 with `Retry-After`, cookies kept. */
  | 'unavailable';

/** What the guard does with a request (the typed outcome a framework helper maps onto its own API). */
export type GuardOutcome =
  /** No rule covers the path: the request goes on exactly as it came. */
  | { kind: 'untouched' }
  /**
   * The session is good: the request goes on. `setCookie` lines (a rotated pair) go on the
   * answer, `cookie` (when set) replaces the request's `Cookie` header for the app, and the
   * answer must be marked private.
   */
  | { kind: 'allow'; setCookie: string[]; cookie?: string }
  /** The guard answers itself: a redirect to login, 403 or 503 (already marked private). */
  | { kind: 'respond'; reason: RefusalReason; response: Response };

/**
 * Guards one request by the route rules (or by `only`, a rule the caller chose for this request), on web-standard Request/Response only:
 * no session or an unreadable one: login (the unreadable cookies cleared); tokens refused:
 * login, cookies cleared; service failure: 503 with the cookies kept; a permission missing: 403.
 */
export async function guardRequest(request: Request, config: SessionConfig, only?: Pick<RouteRule, 'permission'>): Promise<GuardOutcome> {
  const url = new URL(request.url);
  const rule = only ?? matchRoute(url.pathname, config.routes);
  if (!rule) return { kind: 'untouched' };

  const settings = config.cookies(url);
  const cookies = parseCookieHeader(request.headers.get('cookie'));
  const readable = request.method === 'GET' || request.method === 'HEAD';
  const toLogin = (clear: boolean): GuardOutcome => ({
    kind: 'respond',
    reason: 'needs-login',
    response: startLogin(
      config,
      settings,
      readable ? returnPathToSave(url) : undefined,
      readable ? 307 : 303,
      clear ? clearSessionCookies(cookies, settings) : [],
    ),
  });

  const stored = readSession(cookies, settings);
  if (stored.kind === 'none') return toLogin(false);
  if (stored.kind === 'unreadable') return toLogin(true);

  const client = config.client();
  let check;
  let allowed = true;
  try {
    check = await checkSession(
      { client, cache: config.cache, userReads: config.userReads },
      stored.access,
      stored.refresh,
      rule.permission !== undefined,
    );
    if (check.kind === 'ended') return toLogin(true);
    if (rule.permission && check.user) {
      const roles = config.rolesOf(check.user);
      const index = await client.roles.load();
      const { key, value } = rule.permission;
      allowed = roles.some((role) => index.can(role, key, value));
    }
  } catch (error) {
    return { kind: 'respond', reason: 'unavailable', response: unavailableResponse(error) };
  }

  const setCookie = check.rotated ? setSessionCookies(cookies, settings, check.access, check.refresh) : [];
  if (!allowed && rule.permission) {
    const { key, value } = rule.permission;
    return {
      kind: 'respond',
      reason: 'forbidden',
      response: textResponse(403, `Forbidden: this page needs the permission ${key}=${value}`, setCookie),
    };
  }
  if (!check.rotated) return { kind: 'allow', setCookie };
  return {
    kind: 'allow',
    setCookie,
    cookie: cookieHeaderWithSession(request.headers.get('cookie'), settings, check.access, check.refresh),
  };
}
