/**
 * A source of the current time for every time decision of the SDK (role snapshots' age, the
 * validation cache's expiry, signed answers' `exp`/`nbf`, `Retry-After` dates).
 * Injected with the client option `clock`, so that tests move time instead of sleeping.
 */
export interface Clock {
  /** Now, in milliseconds since the Unix epoch (as `Date.now()`). */
  now(): number;
}

/** The host's clock: `Date.now()`, looked up at each call. */
export const systemClock: Clock = { now: () => Date.now() };
