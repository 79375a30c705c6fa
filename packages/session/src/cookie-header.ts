/** Attributes of a `Set-Cookie` line written by the session layer. */
export interface CookieAttributes {
  /** Lifetime in seconds; 0 expires the cookie at once. */
  maxAgeS: number;
  /** `Secure` attribute (https only). */
  secure: boolean;
  /** `HttpOnly` attribute. Default true: no session cookie is readable by page scripts. */
  httpOnly?: boolean;
}

/**
 * The cookies of a `Cookie` request header (RFC 6265 §5.4), name to value. When a name
 * repeats, the first one wins (the browser sends the most specific path first). Values are
 * returned exactly as sent: not percent-decoded, quotes kept.
 */
export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    // Stryker disable next-line EqualityOperator: equivalent, a part starting with '=' has the empty name, skipped below.
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (name === '' || cookies.has(name)) continue;
    cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}

/**
 * The `Cookie` request header with every cookie whose name `drop` selects taken out and `add`
 * appended; every other part stays exactly as it was sent (order, spacing inside values,
 * quotes, repeated names).
 */
export function rewriteCookieHeader(
  header: string | null | undefined,
  drop: (name: string) => boolean,
  add: ReadonlyArray<readonly [string, string]>,
): string {
  const kept = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !drop(part.slice(0, Math.max(0, part.indexOf('='))).trim()));
  return [...kept, ...add.map(([name, value]) => `${name}=${value}`)].join('; ');
}

/**
 * One `Set-Cookie` line: `Path=/`, `SameSite=Lax` (sent on the top-level navigation back from
 * the login widget, not on cross-site subrequests), `HttpOnly` unless turned off, `Secure` when asked.
 */
export function serializeSetCookie(name: string, value: string, attributes: CookieAttributes): string {
  let line = `${name}=${value}; Path=/; Max-Age=${Math.max(0, Math.floor(attributes.maxAgeS))}; SameSite=Lax`;
  if (attributes.maxAgeS <= 0) line += '; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
  if (attributes.httpOnly !== false) line += '; HttpOnly';
  if (attributes.secure) line += '; Secure';
  return line;
}

/** The `Set-Cookie` line that deletes cookie `name`. */
export function serializeClearCookie(name: string, secure: boolean): string {
  return serializeSetCookie(name, '', { maxAgeS: 0, secure });
}
