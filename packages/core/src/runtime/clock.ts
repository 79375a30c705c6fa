/**
 * The source of "now" for every time decision of a client (validation cache, role snapshot
 * age, signed-answer `exp`/`nbf`). One seam, so that tests and runtimes can move time.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  nowMs(): number;
}

/** The system clock: `Date.now()`. */
export const SYSTEM_CLOCK: Clock = { nowMs: () => Date.now() };
