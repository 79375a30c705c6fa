import type { NextRequest, NextResponse } from 'next/server.js';
import { DEFAULT_COOKIES, type CookieOptions } from './options.js';

/** Resolved cookie settings for one request. */
export interface SessionCookies {
  access: string;
  refresh: string;
  returnTo: string;
  maxAge: number;
  secure: boolean;
}

/** The cookie settings of `options` for `request` (Secure follows https unless set). */
export function sessionCookies(options: CookieOptions | undefined, request: NextRequest): SessionCookies {
  return {
    access: options?.access ?? DEFAULT_COOKIES.access,
    refresh: options?.refresh ?? DEFAULT_COOKIES.refresh,
    returnTo: options?.returnTo ?? DEFAULT_COOKIES.returnTo,
    maxAge: options?.maxAge ?? DEFAULT_COOKIES.maxAge,
    secure: options?.secure ?? request.nextUrl.protocol === 'https:',
  };
}

/** Sets both token cookies on `response`: HttpOnly, SameSite=Lax, Path=/, `maxAge` seconds. */
export function setTokenCookies(response: NextResponse, cookies: SessionCookies, access: string, refresh: string): void {
  const attributes = { httpOnly: true, sameSite: 'lax', path: '/', secure: cookies.secure, maxAge: cookies.maxAge } as const;
  response.cookies.set(cookies.access, access, attributes);
  response.cookies.set(cookies.refresh, refresh, attributes);
}

/** Expires both token cookies on `response`. */
export function clearTokenCookies(response: NextResponse, cookies: SessionCookies): void {
  response.cookies.delete(cookies.access);
  response.cookies.delete(cookies.refresh);
}

/** A `cookie` request header with the two token cookies replaced, for the route behind the middleware. */
export function cookieHeaderWith(request: NextRequest, cookies: SessionCookies, access: string, refresh: string): string {
  const values = new Map(request.cookies.getAll().map((cookie) => [cookie.name, cookie.value]));
  values.set(cookies.access, access);
  values.set(cookies.refresh, refresh);
  return [...values].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
}
