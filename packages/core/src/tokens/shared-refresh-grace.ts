import type { TokenPair } from '../schemas/answers.ts';

/** How long a shared grace record lives, on the service's clock (milliseconds since the epoch). */
export interface SharedGraceLifetime {
  /** The service's now, milliseconds since the epoch. */
  nowMs: number;
  /** The record's end, milliseconds since the epoch (`nowMs` plus `refreshGracePeriod`). */
  untilMs: number;
}

/**
 * The token rotation record shared by every client that uses one store (several Workers
 * isolates, several servers): "this refresh token was rotated into this pair", kept for
 * `refreshGracePeriod`. The client writes it after each successful refresh and reads it when a
 * refresh is refused (401: the token was already rotated, maybe by another isolate a moment
 * ago), so that isolate's request gets the same pair instead of a logout. Build one with
 * `createEncryptedRefreshGrace` (`@authlite/core/refresh-grace`) or `createSharedRefreshGrace`
 * (`@authlite/store-kv`): keys are HMACs of the refresh token, values encrypted pairs, never a
 * plain token in the store. The client gives every call a deadline (`storeTimeout`) and treats a
 * failure as "no record".
 */
export interface SharedRefreshGrace {
  /** Records that `refreshToken` was rotated into `pair`, to be recalled until `lifetime.untilMs`. */
  remember(refreshToken: string, pair: TokenPair, lifetime: SharedGraceLifetime): Promise<void>;
  /** The pair `refreshToken` was rotated into, when recorded and not ended at `nowMs` (service clock, milliseconds). */
  recall(refreshToken: string, nowMs: number): Promise<TokenPair | undefined>;
}
