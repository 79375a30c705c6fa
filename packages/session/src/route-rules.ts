import type { RouteRule } from './session-options.ts';

/**
 * The first rule covering `pathname` (`/admin` covers `/admin` and `/admin/...`, not
 * `/administrator`), or undefined. The path is tried as sent and percent-decoded, so
 * `/%61dmin` is guarded like `/admin`.
 */
export function matchRoute(pathname: string, rules: readonly RouteRule[]): RouteRule | undefined {
  const decoded = safeDecode(pathname);
  return rules.find((rule) => covers(rule, pathname) || (decoded !== pathname && covers(rule, decoded)));
}

function covers(rule: RouteRule, pathname: string): boolean {
  if (typeof rule.path === 'string') return pathname === rule.path || pathname.startsWith(`${rule.path.replace(/\/+$/, '')}/`);
  rule.path.lastIndex = 0;
  return rule.path.test(pathname);
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
