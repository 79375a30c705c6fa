import type { Clock } from '@authlite/core';

/**
 * A clock that moves only when told: handed to every client of a case (option `clock`), so
 * that snapshot ages and `maxAge` expiry are tried by moving time, never by sleeping.
 */
export class ManualClock implements Clock {
  #nowMs: number;

  /** Starts at `startMs` (milliseconds since the epoch; default the host's now). */
  constructor(startMs: number = Date.now()) {
    this.#nowMs = startMs;
  }

  /** Now, milliseconds since the epoch. */
  nowMs(): number {
    return this.#nowMs;
  }

  /** Now, seconds since the epoch (the unit of `RoleSnapshot.fetchedAt`). */
  nowS(): number {
    return this.#nowMs / 1000;
  }

  /** Moves the clock forward by `seconds`. */
  advanceS(seconds: number): void {
    this.#nowMs += seconds * 1000;
  }
}
