import type { Context, MiddlewareHandler } from 'hono';
import { isControlPath } from '../middleware/request-log.ts';
import { type HostPolicy, isLoopbackHostname, normaliseHostname } from './host-policy.ts';

/** `detail` of the 403 answered to a control request from a foreign page. */
export const FOREIGN_ORIGIN_DETAIL = "Cross-origin control request refused: Origin must be the emulator's own origin or a loopback origin";
/** `detail` of the 415 answered to a control request whose body is not declared JSON. */
export const CONTROL_CONTENT_TYPE_DETAIL = 'Control requests with a body must have content-type: application/json';

/**
 * Guards the control API (`/__emulator/*`) against web pages (CSRF):
 * - an `Origin` header (browsers send one on every POST) must be the emulator's own origin,
 *   a loopback origin or one of the allowed host names; `Origin: null` is refused (403);
 * - a POST with a body must declare `content-type: application/json` (415), which a page
 *   cannot send cross-origin without a CORS preflight; a POST without a body needs none.
 */
export function controlGuard(policy: HostPolicy): MiddlewareHandler {
  return async (c, next) => {
    if (!isControlPath(c.req.path)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !isAllowedOrigin(c, origin, policy)) {
      return c.json({ detail: FOREIGN_ORIGIN_DETAIL }, 403);
    }
    if (c.req.method === 'POST' && !hasJsonOrNoBody(c)) return c.json({ detail: CONTROL_CONTENT_TYPE_DETAIL }, 415);
    return next();
  };
}

function isAllowedOrigin(c: Context, origin: string, policy: HostPolicy): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" and anything else that is not an origin
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const ownHost = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
  if (url.host === ownHost) return true;
  const name = normaliseHostname(url.hostname);
  return isLoopbackHostname(name) || policy.names.has(name);
}

function hasJsonOrNoBody(c: Context): boolean {
  const type = c.req.header('content-type');
  if (type !== undefined) return type.split(';')[0]?.trim().toLowerCase() === 'application/json';
  const length = c.req.header('content-length');
  if (length !== undefined) return length.trim() === '0';
  return c.req.header('transfer-encoding') === undefined;
}
