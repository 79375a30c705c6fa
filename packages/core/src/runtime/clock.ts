/**
 * The source of "now" for every time decision of a client (validation cache, role snapshot
 * age, signed-answer `exp`/`nbf`, `Retry-After` dates, the rotated-pair record), and of its
 * `Retry-After` waits. One seam, so that tests and runtimes can move time. Given to a client as its
 * `clock` option.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  nowMs(): number;
  /**
   * Waits `ms` milliseconds (0 or less: no wait): the pause a `Retry-After` asks for before a
   * retry. Must reject with `signal.reason` when `signal` fires. Optional; default ky's host
   * timer. A test passes one that records the wait and moves its own time instead of sleeping.
   */
  wait?(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The system clock: `Date.now()`. */
export const SYSTEM_CLOCK: Clock = { nowMs: () => Date.now() };
