/**
 * The source of "now" for every time decision of a client (validation cache, role snapshot
 * age, signed-answer `exp`/`nbf`, `Retry-After` dates, the rotated-pair record), and of its
 * retry waits. One seam, so that tests and runtimes can move time. Given to a client as its
 * `clock` option.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  nowMs(): number;
  /**
   * Waits `ms` milliseconds: the pause before a retry (backoff or `Retry-After`). Must reject
   * with `signal.reason` when `signal` fires. Optional; default a host timer (`setTimeout`).
   * A test passes one that records the wait and moves its own time instead of sleeping.
   */
  wait?(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The system clock: `Date.now()`. */
export const SYSTEM_CLOCK: Clock = { nowMs: () => Date.now() };

/** Waits `ms` milliseconds on a host timer; rejects with `signal.reason` when `signal` fires. */
export function hostWait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}
