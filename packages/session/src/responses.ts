import { AuthLiteError } from '@authlite/core';
import { markPrivate } from './cache-headers.ts';

/** Seconds a 503 asks the browser to wait (`Retry-After`). */
export const RETRY_AFTER_S = 5;

/** A redirect with these `Set-Cookie` lines, private to the browser (`Cache-Control: private, no-store`, `Vary: Cookie`). */
export function redirectResponse(location: string, status: 303 | 307, setCookie: readonly string[]): Response {
  const headers = new Headers({ location });
  for (const line of setCookie) headers.append('set-cookie', line);
  markPrivate(headers);
  return new Response(null, { status, headers });
}

/** A plain-text answer with these `Set-Cookie` lines, private to the browser. */
export function textResponse(
  status: number,
  text: string,
  setCookie: readonly string[] = [],
  extra: Record<string, string> = {},
): Response {
  const headers = new Headers({ 'content-type': 'text/plain; charset=utf-8', ...extra });
  for (const line of setCookie) headers.append('set-cookie', line);
  markPrivate(headers);
  return new Response(text, { status, headers });
}

/**
 * 503 for a failure of the service (network, timeout, 5xx): never taken for a logout, the
 * cookies are kept. The text names the error code only, never a token or key.
 */
export function unavailableResponse(error: unknown): Response {
  const code = error instanceof AuthLiteError ? error.code : 'ERR_UNKNOWN';
  return textResponse(503, `Authentication service unavailable (${code})`, [], { 'retry-after': String(RETRY_AFTER_S) });
}
