import { parseCookieHeader } from './cookie-header.ts';
import { isLoginNonce, newLoginNonce } from './login-nonce.ts';
import { redirectResponse, unavailableResponse } from './responses.ts';
import { appPath, returnPathToSave, safeReturnPath } from './return-path.ts';
import { isRefusal } from './session-check.ts';
import type { SessionConfig } from './session-config.ts';
import {
  clearLoginCookies,
  clearSessionCookies,
  readReturnPath,
  readSession,
  type SessionCookieSettings,
  setLoginCookies,
  setSessionCookies,
} from './session-cookies.ts';
import { isWellFormedToken } from './token-shape.ts';

/**
 * Starts a login: a redirect to the login widget (`client.generateUrl()`) that sets a new
 * login nonce cookie (HttpOnly, 600 s) and remembers `returnTo` for after the callback.
 * `extraSetCookie` lines go on the same answer (clearing an unreadable session, for example).
 */
export function startLogin(
  config: SessionConfig,
  settings: SessionCookieSettings,
  returnTo: string | undefined,
  status: 303 | 307,
  extraSetCookie: readonly string[] = [],
): Response {
  return redirectResponse(config.client().generateUrl(), status, [
    ...extraSetCookie,
    ...setLoginCookies(settings, newLoginNonce(), returnTo),
  ]);
}

/**
 * `GET <login path>?returnTo=/path`: starts a login from a link or a button. `returnTo` is kept
 * only when it is a path of this app.
 */
export function handleLogin(request: Request, config: SessionConfig): Response {
  const url = new URL(request.url);
  const settings = config.cookies(url);
  const wanted = url.searchParams.get('returnTo') ?? undefined;
  const safe = wanted === undefined ? undefined : appPath(wanted);
  const returnTo = safe === undefined ? undefined : returnPathToSave(new URL(safe, url));
  return startLogin(config, settings, returnTo, 303);
}

/**
 * `GET <callback>?code=...`: completes a login that this browser started. Without the login
 * nonce cookie (a link from elsewhere: login CSRF), with a missing or malformed code, or a code
 * the service refuses (used, expired, unknown), a fresh login starts instead and any live
 * session stays as it was. Else the code is exchanged (`client.getUser`), the token pair is
 * stored (chunked, HttpOnly), the nonce and return path are cleared, and the browser goes (303)
 * to the saved return path or `afterLoginPath`, always a path of this app
 * (a relative `Location`, resolved by the browser on the origin it called).
 */
export async function handleCallback(request: Request, config: SessionConfig): Promise<Response> {
  const url = new URL(request.url);
  const settings = config.cookies(url);
  const cookies = parseCookieHeader(request.headers.get('cookie'));
  const returnTo = readReturnPath(cookies, settings);
  const code = url.searchParams.get('code');
  if (!isLoginNonce(cookies.get(settings.nonce)) || !isWellFormedToken(code)) return startLogin(config, settings, returnTo, 303);
  let user;
  try {
    user = await config.client().getUser(code);
  } catch (error) {
    if (isRefusal(error)) return startLogin(config, settings, returnTo, 303);
    return unavailableResponse(error);
  }
  const target = safeReturnPath(returnTo, config.afterLoginPath);
  return redirectResponse(target, 303, [
    ...setSessionCookies(cookies, settings, user.access_token, user.refresh_token),
    ...clearLoginCookies(settings),
  ]);
}

/**
 * `POST <logout path>`: revokes the session's tokens (`DELETE /api/user/me/token/`, the refresh
 * token and the access token), evicts the access token from the session cache, clears the
 * cookies and redirects (303) to `afterLogoutPath`. The cookies are cleared even when the
 * service cannot be reached (the browser forgets the session; the refresh token then ends at
 * its expiry).
 */
export async function handleLogout(request: Request, config: SessionConfig): Promise<Response> {
  const url = new URL(request.url);
  const settings = config.cookies(url);
  const cookies = parseCookieHeader(request.headers.get('cookie'));
  const stored = readSession(cookies, settings);
  if (stored.kind === 'tokens') {
    config.cache.evict(stored.access);
    const client = config.client();
    await Promise.allSettled([client.revokeToken({ refreshToken: stored.refresh }), client.revokeToken({ accessToken: stored.access })]);
  }
  return redirectResponse(config.afterLogoutPath, 303, clearSessionCookies(cookies, settings));
}
