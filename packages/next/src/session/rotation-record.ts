import type { TokenPair } from '@authlite/core';

/**
 * Default seconds a rotated-away refresh token still yields the pair it was rotated to (like
 * Supabase Auth's refresh token reuse interval): two tabs that hit an expired session one
 * after the other both stay signed in with the same new pair.
 */
export const DEFAULT_REFRESH_GRACE_S = 10;

/** Most rotations remembered; the oldest goes first. */
export const ROTATION_RECORD_MAX_ENTRIES = 1000;

/**
 * The pairs this helper rotated to, by the refresh token they replaced, for `graceS` seconds
 * (checked on read against `nowMs`, no timers). A grace of 0 turns it off: a rotated-away
 * refresh token then always means "log in again" (the service refuses it).
 */
export class RotationRecord {
  readonly #graceMs: number;
  readonly #nowMs: () => number;
  readonly #pairs = new Map<string, { pair: TokenPair; untilMs: number }>();

  constructor(graceS: number, nowMs: () => number) {
    this.#graceMs = graceS * 1000;
    this.#nowMs = nowMs;
  }

  /** The pair `refreshToken` was rotated to within the grace period, if any. */
  pairFor(refreshToken: string): TokenPair | undefined {
    const entry = this.#pairs.get(refreshToken);
    if (entry === undefined) return undefined;
    if (entry.untilMs > this.#nowMs()) return entry.pair;
    this.#pairs.delete(refreshToken);
    return undefined;
  }

  /** Records that `refreshToken` was rotated to `pair` now. */
  remember(refreshToken: string, pair: TokenPair): void {
    if (this.#graceMs <= 0) return;
    this.#pairs.set(refreshToken, { pair, untilMs: this.#nowMs() + this.#graceMs });
    if (this.#pairs.size > ROTATION_RECORD_MAX_ENTRIES) {
      const oldest = this.#pairs.keys().next().value;
      if (oldest !== undefined) this.#pairs.delete(oldest);
    }
  }
}
