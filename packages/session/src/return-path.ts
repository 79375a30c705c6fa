/**
 * Longest return path kept for after login, in bytes of its cookie value (percent-encoded).
 * Below the 4096-byte cookie limit with room for the name and attributes.
 */
export const MAX_RETURN_PATH_BYTES = 3000;

/** A base for parsing only: a path resolved against it either stays on it or is refused. */
// Stryker disable next-line StringLiteral: equivalent, any absolute base gives the same decision.
const BASE = 'http://app.invalid';

/**
 * `path` when it is a path of the app itself, normalised by the WHATWG URL parser; else
 * `fallback`. The answer is a relative reference that always starts with one `/` followed by
 * neither `/` nor `\`, so a browser resolves it on the app's own origin: tab, CR, LF and other
 * control characters, backslashes, schemes, `//host`, `/.//host` and credentials never turn
 * it into an open redirect (a `Location` header carries it as it is).
 * @param path a saved path such as `/reports?tab=2`; must start with a single `/`.
 * @param fallback a path of the app, used when `path` is missing or refused.
 * @throws RangeError when `fallback` itself is not such a path.
 */
export function safeReturnPath(path: string | undefined, fallback: string): string {
  const safeFallback = appPath(fallback);
  if (safeFallback === undefined) throw new RangeError('the fallback return path must be a path of the app');
  return (path === undefined ? undefined : appPath(path)) ?? safeFallback;
}

/**
 * `path` normalised by the URL parser when it is a path of the app of at most
 * {@link MAX_RETURN_PATH_BYTES} characters (see {@link safeReturnPath}), else undefined.
 */
export function appPath(path: string): string | undefined {
  if (path.length > MAX_RETURN_PATH_BYTES) return undefined;
  // Anything that is not plainly a path (a scheme, a host, a control character) is refused before parsing.
  if (path[0] !== '/' || /[\u0000-\u001f\u007f\\]/.test(path)) return undefined;
  let url: URL;
  try {
    url = new URL(path, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  return /^\/(?![/\\])/.test(normalised) ? normalised : undefined;
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
