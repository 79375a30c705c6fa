/**
 * Longest return path kept for after login, in bytes of its cookie value (percent-encoded).
 * Below the 4096-byte cookie limit with room for the name and attributes.
 */
export const MAX_RETURN_PATH_BYTES = 3000;

/**
 * The absolute URL to go back to after login, when `path` is a path of the app itself, else
 * `fallback` resolved against `origin`. Decided by the WHATWG URL parser against the app's
 * own origin, so everything a browser strips or rewrites (tab, CR, LF, backslashes, `//`,
 * `/./`, encoded dots) is judged as the browser will read it: the answer is always on
 * `origin`, never an open redirect.
 * @param path a saved path such as `/reports?tab=2`; must start with a single `/`.
 * @param origin the app's origin, such as `https://app.example`.
 * @param fallback a path of the app, used when `path` is missing or refused.
 */
export function safeReturnUrl(path: string | undefined, origin: string, fallback: string): string {
  const base = new URL(origin);
  const fallbackUrl = new URL(fallback, base);
  if (fallbackUrl.origin !== base.origin) throw new RangeError('the fallback return path must be a path of the app');
  if (path === undefined || path.length === 0 || path.length > MAX_RETURN_PATH_BYTES) return fallbackUrl.href;
  // Anything that is not plainly a path (a scheme, a host, a control character) is refused before parsing.
  if (path[0] !== '/' || /[\u0000-\u001f\u007f\\]/.test(path)) return fallbackUrl.href;
  let url: URL;
  try {
    url = new URL(path, base);
  } catch {
    return fallbackUrl.href;
  }
  if (url.origin !== base.origin || url.username !== '' || url.password !== '') return fallbackUrl.href;
  return url.href;
}

/**
 * The path to remember for after login from the URL of a guarded request: path and query
 * when their cookie value fits {@link MAX_RETURN_PATH_BYTES}, else the path alone, else none
 * (the user lands on the fallback page after login). Never the hash (browsers do not send it).
 */
export function returnPathToSave(url: URL): string | undefined {
  const full = `${url.pathname}${url.search}`;
  if (encodeURIComponent(full).length <= MAX_RETURN_PATH_BYTES) return full;
  if (encodeURIComponent(url.pathname).length <= MAX_RETURN_PATH_BYTES) return url.pathname;
  return undefined;
}
