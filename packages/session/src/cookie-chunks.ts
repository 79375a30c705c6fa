import { type CookieAttributes, serializeClearCookie, serializeSetCookie } from './cookie-header.ts';

/**
 * Longest value of one cookie chunk, in bytes. Browsers keep at most 4096 bytes of name, value
 * and attributes per cookie (RFC 6265 §6.1; Chromium drops a larger cookie silently); 3600 leaves
 * room for the name and attributes.
 */
export const COOKIE_CHUNK_SIZE = 3600;

/** Most chunks one cookie is split into (3600 × 5 = 18000 bytes, above any token the service issues). */
export const MAX_COOKIE_CHUNKS = 5;

/**
 * Splits `value` into chunks of at most {@link COOKIE_CHUNK_SIZE} bytes: one cookie `name` when
 * it fits, else `name.0`, `name.1`, ... (the scheme of the Supabase SSR and Auth.js helpers).
 * `value` must be ASCII (tokens are). Returns `[cookie name, chunk]` pairs.
 * @throws RangeError when more than {@link MAX_COOKIE_CHUNKS} chunks would be needed.
 */
export function splitCookie(name: string, value: string): Array<[string, string]> {
  if (value.length <= COOKIE_CHUNK_SIZE) return [[name, value]];
  const count = Math.ceil(value.length / COOKIE_CHUNK_SIZE);
  if (count > MAX_COOKIE_CHUNKS) throw new RangeError(`cookie ${name} needs ${count} chunks, more than ${MAX_COOKIE_CHUNKS}`);
  return Array.from({ length: count }, (_, i) => [`${name}.${i}`, value.slice(i * COOKIE_CHUNK_SIZE, (i + 1) * COOKIE_CHUNK_SIZE)]);
}

/**
 * The value of cookie `name` as {@link splitCookie} wrote it: `name` itself, else the chunks
 * `name.0`, `name.1`, ... joined in order. Undefined when neither is present; `null` when the
 * chunks are not one unbroken run from `name.0` of at most {@link MAX_COOKIE_CHUNKS} (a gap, a
 * chunk without `name.0`, too many chunks).
 */
export function joinCookie(cookies: ReadonlyMap<string, string>, name: string): string | null | undefined {
  const whole = cookies.get(name);
  if (whole !== undefined) return whole;
  const names = chunkNamesIn(cookies, name);
  if (names.length === 0) return undefined;
  let value = '';
  let i = 0;
  for (; cookies.has(`${name}.${i}`); i++) {
    if (i >= MAX_COOKIE_CHUNKS) return null;
    value += cookies.get(`${name}.${i}`);
  }
  return i === names.length ? value : null;
}

/**
 * `Set-Cookie` lines that store `value` under `name` in chunks, and delete every other cookie
 * of that name present in `cookies` (the whole one or stale chunks of a longer value).
 */
export function setChunkedCookie(
  cookies: ReadonlyMap<string, string>,
  name: string,
  value: string,
  attributes: CookieAttributes,
): string[] {
  const chunks = splitCookie(name, value);
  const written = new Set(chunks.map(([chunkName]) => chunkName));
  const lines = chunks.map(([chunkName, chunk]) => serializeSetCookie(chunkName, chunk, attributes));
  for (const present of [name, ...chunkNamesIn(cookies, name)]) {
    if (!written.has(present) && cookies.has(present)) lines.push(serializeClearCookie(present, attributes.secure));
  }
  return lines;
}

/** `Set-Cookie` lines that delete `name` and every chunk of it present in `cookies`. */
export function clearChunkedCookie(cookies: ReadonlyMap<string, string>, name: string, secure: boolean): string[] {
  // Stryker disable next-line ConditionalExpression,MethodExpression: equivalent while chunkNamesIn lists chunks only; kept against a duplicate line if it ever lists the name.
  return [name, ...chunkNamesIn(cookies, name).filter((chunk) => chunk !== name)].map((present) => serializeClearCookie(present, secure));
}

/** True when `cookieName` is `name` itself or one of its chunks `name.<digits>`. */
export function isCookieOrChunk(cookieName: string, name: string): boolean {
  return cookieName === name || (cookieName.startsWith(`${name}.`) && /^\d+$/.test(cookieName.slice(name.length + 1)));
}

/** Names `name.<digits>` present in `cookies`. */
function chunkNamesIn(cookies: ReadonlyMap<string, string>, name: string): string[] {
  return [...cookies.keys()].filter((key) => key !== name && isCookieOrChunk(key, name));
}
