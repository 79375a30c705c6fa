/**
 * The emulator clock: real time plus an offset in seconds that
 * `POST /__emulator/clock` moves forward. Every expiry (codes, tokens) is
 * judged against this clock, never against `Date.now()` alone.
 */
export interface Clock {
  /** Seconds added to `Date.now()`; only ever grows. */
  offsetS: number;
}

/** A clock with no offset. */
export function createClock(): Clock {
  return { offsetS: 0 };
}

/** Current emulator time in milliseconds since the epoch. */
export function nowMs(clock: Clock): number {
  return Date.now() + clock.offsetS * 1000;
}

/** Current emulator time in whole seconds since the epoch. */
export function nowS(clock: Clock): number {
  return Math.floor(nowMs(clock) / 1000);
}

/** Moves the clock forward by `seconds` and answers the new time in seconds. */
export function advanceClock(clock: Clock, seconds: number): number {
  clock.offsetS += seconds;
  return nowS(clock);
}
