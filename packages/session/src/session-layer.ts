import { markPrivate } from './cache-headers.ts';
import { parseCookieHeader } from './cookie-header.ts';
import { type GuardOutcome, guardRequest } from './guard.ts';
import { handleCallback, handleLogin, handleLogout } from './login-flow.ts';
import { resolveConfig } from './session-config.ts';
import type { RouteRule, SessionOptions } from './session-options.ts';
import { type Session, sessionOf } from './session-user.ts';

/**
 * The framework-neutral session layer: every method takes a web-standard `Request` and answers
 * with a `Response` or a typed outcome. Framework helpers (`@authlite/next`, `@authlite/hono`)
 * only map these onto their own request pipeline.
 */
export interface SessionLayer {
  /**
   * Guards one request by the `routes`: `untouched` when no rule covers it; `allow` (signed in,
   * maybe with a rotated pair to set); `respond` with a `reason` of `needs-login` (307/303 to the
   * login widget), `forbidden` (403) or `unavailable` (503, `Retry-After: 5`). Never throws for
   * a failing service: that is the `unavailable` outcome. With `rule`, the request is guarded
   * by it whatever its path (a per-route guard); without it, by the `routes` option.
   */
  guard(request: Request, rule?: Pick<RouteRule, 'permission'>): Promise<GuardOutcome>;
  /** `GET ?returnTo=/path`: 303 to the login widget, login nonce and return path set (600 s cookies). */
  login(request: Request): Promise<Response>;
  /** `GET ?code=`: completes a login this browser started (login nonce required), else starts a new one. */
  callback(request: Request): Promise<Response>;
  /** `POST`: revokes the session's tokens (`DELETE /api/user/me/token/`), clears the cookies, 303 to `afterLogoutPath`. */
  logout(request: Request): Promise<Response>;
  /**
   * The signed-in user of these cookies (a `Cookie` header value or a name→value map), or null.
   * Does not refresh: use it after {@link SessionLayer.guard}, which rotates an expired pair.
   * @throws the client's errors when the service fails (HttpError 5xx, TimeoutError, NetworkError).
   */
  session(cookies: string | null | ReadonlyMap<string, string>): Promise<Session | null>;
  /**
   * Puts an `allow` outcome on the app's answer: its `Set-Cookie` lines (a rotated pair) and
   * `Cache-Control: private, no-store` with `Vary: Cookie`. Mutates and returns `headers`.
   */
  applyAllow(headers: Headers, outcome: Extract<GuardOutcome, { kind: 'allow' }>): Headers;
}

/**
 * Makes the session layer: one client (which keeps the token rotation record, see core's
 * `refreshGracePeriod`), one session cache and one user-data single-flight per call (per module
 * instance of the app).
 * @throws ConfigurationError naming the first bad option.
 */
export function createSessionLayer(options: SessionOptions): SessionLayer {
  const config = resolveConfig(options);
  return {
    guard: (request, rule) => guardRequest(request, config, rule),
    login: async (request) => handleLogin(request, config),
    callback: (request) => handleCallback(request, config),
    logout: (request) => handleLogout(request, config),
    session: (cookies) => sessionOf(typeof cookies === 'string' || cookies === null ? parseCookieHeader(cookies) : cookies, config),
    applyAllow(headers, outcome) {
      for (const line of outcome.setCookie) headers.append('set-cookie', line);
      markPrivate(headers);
      return headers;
    },
  };
}
