import type { CallOptions } from '../shared/call-options.ts';

/** Options of the calls that may refresh a token pair (`getAccessTokenFromRefreshToken`, `validateTokenSet`). */
export interface RefreshCallOptions extends CallOptions {
  /**
   * Keeps a refresh this call sends running after the call is cancelled or its request ends,
   * so that its rotated pair is still recorded for other requests (see `refreshGracePeriod`).
   * On Cloudflare Workers pass `ctx.waitUntil.bind(ctx)`: workerd cancels a request's pending
   * I/O when the request ends, and a refresh the service applied but whose answer was dropped
   * leaves every other holder of that refresh token logged out. Elsewhere it is not needed.
   */
  waitUntil?: (promise: Promise<unknown>) => void;
}
