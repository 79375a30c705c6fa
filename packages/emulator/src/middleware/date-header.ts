import type { MiddlewareHandler } from 'hono';
import { nowMs } from '../state/clock.ts';
import type { World } from '../state/world.ts';

/**
 * Sets the HTTP `Date` header (RFC 9110 §6.6.1) of every answer from the emulator's clock, as
 * the real service's header reads its own clock: a client that estimates the service's clock
 * from `Date` follows `POST /__emulator/clock` moves.
 */
export function dateHeader(world: World): MiddlewareHandler {
  return async (c, next) => {
    await next();
    try {
      c.res.headers.set('Date', new Date(nowMs(world.clock)).toUTCString());
    } catch {
      // An answer with immutable headers keeps the server's own Date.
    }
  };
}
