import type { MiddlewareHandler } from 'hono';
import { authenticatedOrg } from '../http/authenticated-org.ts';

/**
 * Sets `X-EDGE: <number of roles>` of the request's organisation, counted after the
 * handler ran, on answers to requests whose `api_key` and `signed_key` verified (errors
 * after authentication included). Unauthenticated answers (a bad key, the login widget,
 * the control API, unknown routes) carry none, so nobody learns an organisation's role
 * count without its keys.
 */
export function xEdge(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const org = authenticatedOrg(c);
    if (org) c.res.headers.set('X-EDGE', String(org.roles.length));
  };
}
