/**
 * Whether an answer is a redirect: a 3xx status (Node, Deno, Bun, workerd, Edge Runtime with
 * `redirect: 'manual'`) or a browser's `opaqueredirect` answer (status 0, headers hidden).
 */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/**
 * The origin (scheme, host, port) a redirect points to, resolved against `baseUrl` when
 * relative; never its path or query. `undefined` when there is no readable `Location`.
 */
export function redirectOrigin(response: Response, baseUrl: string): string | undefined {
  const location = response.headers.get('location');
  if (location === null || !URL.canParse(location, baseUrl)) return undefined;
  const origin = new URL(location, baseUrl).origin;
  // A `javascript:` or `data:` target has the opaque origin "null".
  return origin === 'null' ? undefined : origin;
}
