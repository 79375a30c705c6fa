import type { TokenPair } from '@authlite/core';

/**
 * Default seconds a rotated-away refresh token still yields the pair it was rotated to (like
 * Supabase Auth's refresh token reuse interval): two tabs that hit an expired session one
 * after the other both stay signed in with the same new pair.
 */
export const DEFAULT_REFRESH_GRACE_S = 10;

/** Most rotations remembered; the oldest goes first. */
export const ROTATION_RECORD_MAX_ENTRIES = 1000;

/** Longest wait, milliseconds, for another request's rotation of the same refresh token (the client's default request timeout). */
export const ROTATION_WAIT_MS = 10_000;

/**
 * The pairs this helper rotated to, by the refresh token they replaced, for `graceS` seconds
 * (checked on read against `nowMs`, no timers). A grace of 0 turns it off: a rotated-away
 * refresh token then always means "log in again" (the service refuses it).
 */
export class RotationRecord {
  readonly #graceMs: number;
  readonly #nowMs: () => number;
  readonly #pairs = new Map<string, { pair: TokenPair; untilMs: number }>();
  readonly #underway = new Map<string, { count: number; waiters: Array<(pair?: TokenPair) => void> }>();

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

  /** True while a rotation of `refreshToken` is under way in this module instance and the grace is on (there is a pair to wait for). */
  isUnderway(refreshToken: string): boolean {
    return this.#graceMs > 0 && this.#underway.has(refreshToken);
  }

  /** Marks one rotation of `refreshToken` as under way in this module instance; each `begin` needs its `end`. */
  begin(refreshToken: string): void {
    const entry = this.#underway.get(refreshToken) ?? { count: 0, waiters: [] };
    entry.count += 1;
    this.#underway.set(refreshToken, entry);
  }

  /**
   * Ends one rotation of `refreshToken`: with the pair it got, every caller waiting in
   * {@link RotationRecord.otherRotation} gets that pair; when the last one under way ends
   * without a pair, they get undefined.
   */
  end(refreshToken: string, pair?: TokenPair): void {
    const entry = this.#underway.get(refreshToken);
    if (!entry) return;
    entry.count -= 1;
    if (pair || entry.count <= 0) {
      for (const wake of entry.waiters.splice(0)) wake(pair);
    }
    if (entry.count <= 0) this.#underway.delete(refreshToken);
  }

  /**
   * The pair that another rotation of `refreshToken`, under way in this module instance, ends
   * with, so that a concurrent request does not send a second refresh the service would refuse
   * (token rotation: the used refresh token stops working). On Cloudflare Workers core's
   * single-flight is per request, so this is where concurrent requests meet; only plain data
   * crosses requests. Undefined at once when none is under way or the grace is 0, and after
   * `waitMs` milliseconds at most (a winner whose request was cancelled never ends).
   */
  otherRotation(refreshToken: string, waitMs: number = ROTATION_WAIT_MS): Promise<TokenPair | undefined> {
    const entry = this.#underway.get(refreshToken);
    if (!entry || this.#graceMs <= 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const at = entry.waiters.indexOf(wake);
        if (at >= 0) entry.waiters.splice(at, 1);
        resolve(undefined);
      }, waitMs);
      const wake = (pair?: TokenPair): void => {
        clearTimeout(timer);
        resolve(pair);
      };
      entry.waiters.push(wake);
    });
  }
}
