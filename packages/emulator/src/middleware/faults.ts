import type { MiddlewareHandler } from 'hono';
import { tryAuthenticate } from '../http/authenticate.ts';
import { pickFault } from '../state/faults.ts';
import type { World } from '../state/world.ts';
import { isControlPath } from './request-log.ts';

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Applies the first matching fault rule to a non-control request: waits
 * `delay_ms`, then answers `status` (default 200) with `body` verbatim
 * (content-type application/json) when either is given, else runs the real
 * handler. Rules were validated when installed, so building the answer cannot fail.
 */
export function faults(world: World): MiddlewareHandler {
  return async (c, next) => {
    if (isControlPath(c.req.path)) return next(); // the decoded path, as the router sees it
    const path = new URL(c.req.url).pathname;
    const rule = pickFault(world.faults, c.req.method, path);
    if (!rule) return next();
    if (rule.delay_ms !== undefined && rule.delay_ms > 0) {
      // Read the body first, like a real server: a client that gives up during the delay
      // must find its request applied, its answer lost.
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') await c.req.arrayBuffer().catch(() => undefined);
      const ms = rule.delay_ms;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    if (rule.status === undefined && rule.body === undefined) return next();
    // A faulted answer to a request with valid keys still carries X-EDGE, like a real error.
    await tryAuthenticate(c, world);
    const status = rule.status ?? 200;
    const body = NULL_BODY_STATUSES.has(status) ? null : (rule.body ?? JSON.stringify({ detail: `Injected fault (status ${status})` }));
    const headers = new Headers({ 'content-type': 'application/json', ...rule.headers });
    if (rule.truncate && body !== null) return truncatedResponse(body, status, headers);
    return new Response(body, { status, headers });
  };
}

/** Declares the whole body's length, sends its first half, then ends: the client sees a premature close. */
function truncatedResponse(body: string, status: number, headers: Headers): Response {
  const bytes = new TextEncoder().encode(body);
  headers.set('content-length', String(bytes.length));
  // Without this the Node server keeps the socket and the client waits for the missing bytes.
  headers.set('connection', 'close');
  const half = bytes.slice(0, Math.floor(bytes.length / 2));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half);
      controller.close();
    },
  });
  return new Response(stream, { status, headers });
}
