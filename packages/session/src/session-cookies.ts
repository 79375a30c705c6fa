import { clearChunkedCookie, isCookieOrChunk, joinCookie, setChunkedCookie, splitCookie } from './cookie-chunks.ts';
import { rewriteCookieHeader, serializeClearCookie, serializeSetCookie } from './cookie-header.ts';
import { LOGIN_NONCE_MAX_AGE_S } from './login-nonce.ts';
import { isWellFormedToken } from './token-shape.ts';

/** Names and lifetime of the session cookies, resolved. */
export interface SessionCookieSettings {
  /** Cookie of the access token (chunked as `<name>.0`, `<name>.1`, ... when large). */
  access: string;
  /** Cookie of the refresh token (chunked like the access token). */
  refresh: string;
  /** Cookie of the path to go back to after login. */
  returnTo: string;
  /** Cookie of the login nonce: set when a login starts, required by the callback. */
  nonce: string;
  /** Lifetime of the token cookies, seconds. */
  maxAgeS: number;
  /** `Secure` attribute. */
  secure: boolean;
}

/** The session tokens read from the cookies: both, none, or unreadable ones (to be cleared). */
export type StoredSession =
  | { kind: 'tokens'; access: string; refresh: string }
  | { kind: 'none' }
  /** A token cookie is present but is no token: bad characters, too long, broken chunks. */
  | { kind: 'unreadable' };

/** The token pair of the request's cookies, each joined from its chunks and checked for form. */
export function readSession(
  cookies: ReadonlyMap<string, string>,
  settings: Pick<SessionCookieSettings, 'access' | 'refresh'>,
): StoredSession {
  const access = joinCookie(cookies, settings.access);
  const refresh = joinCookie(cookies, settings.refresh);
  if (access === undefined && refresh === undefined) return { kind: 'none' };
  if (!isWellFormedToken(access) || !isWellFormedToken(refresh)) return { kind: 'unreadable' };
  return { kind: 'tokens', access, refresh };
}

/** `Set-Cookie` lines storing the token pair (HttpOnly, chunked, stale chunks deleted). */
export function setSessionCookies(
  cookies: ReadonlyMap<string, string>,
  settings: SessionCookieSettings,
  access: string,
  refresh: string,
): string[] {
  const attributes = { maxAgeS: settings.maxAgeS, secure: settings.secure };
  return [
    ...setChunkedCookie(cookies, settings.access, access, attributes),
    ...setChunkedCookie(cookies, settings.refresh, refresh, attributes),
  ];
}

/** `Set-Cookie` lines deleting both token cookies and every chunk of them the request carried. */
export function clearSessionCookies(cookies: ReadonlyMap<string, string>, settings: SessionCookieSettings): string[] {
  return [
    ...clearChunkedCookie(cookies, settings.access, settings.secure),
    ...clearChunkedCookie(cookies, settings.refresh, settings.secure),
  ];
}

/**
 * The request's `Cookie` header with the token pair replaced (chunked as on the answer): what
 * the app behind the proxy reads after a rotation. Every other cookie stays exactly as sent.
 */
export function cookieHeaderWithSession(header: string | null, settings: SessionCookieSettings, access: string, refresh: string): string {
  const drop = (name: string) => isCookieOrChunk(name, settings.access) || isCookieOrChunk(name, settings.refresh);
  return rewriteCookieHeader(header, drop, [...splitCookie(settings.access, access), ...splitCookie(settings.refresh, refresh)]);
}

/** `Set-Cookie` lines of a starting login: the nonce, and the return path (or its deletion). */
export function setLoginCookies(settings: SessionCookieSettings, nonce: string, returnTo: string | undefined): string[] {
  const attributes = { maxAgeS: LOGIN_NONCE_MAX_AGE_S, secure: settings.secure };
  return [
    serializeSetCookie(settings.nonce, nonce, attributes),
    returnTo === undefined
      ? serializeClearCookie(settings.returnTo, settings.secure)
      : serializeSetCookie(settings.returnTo, encodeURIComponent(returnTo), attributes),
  ];
}

/** `Set-Cookie` lines deleting the nonce and the return path once the login completed. */
export function clearLoginCookies(settings: SessionCookieSettings): string[] {
  return [serializeClearCookie(settings.nonce, settings.secure), serializeClearCookie(settings.returnTo, settings.secure)];
}

/** The saved return path, percent-decoded; undefined when absent or not decodable. */
export function readReturnPath(cookies: ReadonlyMap<string, string>, settings: SessionCookieSettings): string | undefined {
  const raw = cookies.get(settings.returnTo);
  if (raw === undefined) return undefined;
  // Stryker disable BlockStatement: equivalent, an empty catch returns undefined too.
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
}
