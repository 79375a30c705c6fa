import type { MiddlewareHandler } from 'hono';
import { CONTROL_PREFIX } from '../routes/control.ts';
import { recordRequest } from '../state/request-log.ts';
import type { World } from '../state/world.ts';

/** Whether a path belongs to the control API. */
export function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

/**
 * Records every non-control request (method, path, query parameter names
 * without values, status) once it has been answered, faulted ones included.
 */
export function requestLog(world: World): MiddlewareHandler {
  return async (c, next) => {
    if (isControlPath(c.req.path)) return next(); // the decoded path, as the router sees it
    const url = new URL(c.req.url);
    await next();
    const names: string[] = [];
    for (const name of url.searchParams.keys()) if (!names.includes(name)) names.push(name);
    recordRequest(world.requests, { method: c.req.method, path: url.pathname, query: names, status: c.res.status });
  };
}
