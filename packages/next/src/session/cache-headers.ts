/** `Cache-Control` of every answer that carries or depends on a session: no shared cache (CDN, proxy) may store it. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/**
 * Marks an answer as private to the browser that asked: `Cache-Control: private, no-store`
 * (replacing any value, such as the `s-maxage` of a statically prerendered page) and `Cookie`
 * added to `Vary` (RFC 9111 §3, §4.1).
 */
export function markPrivate(headers: Headers): void {
  headers.set('cache-control', PRIVATE_CACHE_CONTROL);
  const vary = headers.get('vary');
  const names = vary ? vary.split(',').map((name) => name.trim().toLowerCase()) : [];
  if (!names.includes('cookie') && !names.includes('*')) headers.set('vary', vary ? `${vary}, Cookie` : 'Cookie');
}
