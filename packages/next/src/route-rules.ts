import type { RouteRule } from './options.js';

/** The first rule covering `pathname` (`/admin` covers `/admin` and `/admin/...`), or undefined. */
export function matchRoute(pathname: string, rules: readonly RouteRule[]): RouteRule | undefined {
  return rules.find((rule) =>
    typeof rule.path === 'string' ? pathname === rule.path || pathname.startsWith(`${rule.path.replace(/\/+$/, '')}/`) : rule.path.test(pathname),
  );
}

/**
 * `path` when it is a same-site path (`/x`, not `//host` nor `/\host`), else `fallback`:
 * a return path read from a cookie never becomes an open redirect.
 */
export function safeReturnPath(path: string | undefined, fallback: string): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
