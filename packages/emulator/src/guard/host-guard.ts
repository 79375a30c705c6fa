import type { MiddlewareHandler } from 'hono';
import { type HostPolicy, hostnameOfHostHeader, isHostAllowed } from './host-policy.ts';

/** `detail` of the 403 answered to a refused `Host`. */
export const HOST_REFUSED_DETAIL = "Host not allowed: use the emulator's own address or localhost, or start it with --allowed-host NAME";

/**
 * Refuses (403) a request whose `Host` names neither the emulator's bound address, nor
 * localhost, nor an allowed name: the defence against DNS rebinding. Without a `Host`
 * header (a fetch handler called in-process) the request URL's host is judged.
 */
export function hostGuard(policy: HostPolicy): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('host');
    const hostname = header === undefined ? new URL(c.req.url).hostname : hostnameOfHostHeader(header);
    if (hostname === undefined || !isHostAllowed(hostname, policy)) {
      return c.json({ detail: HOST_REFUSED_DETAIL }, 403);
    }
    return next();
  };
}
