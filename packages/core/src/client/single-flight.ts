/**
 * Coalesces concurrent calls with the same key into one: while a call for `key` is under way,
 * later callers get the same promise. Nothing is kept once it settles (no timers).
 */
export class SingleFlight<T> {
  readonly #pending = new Map<string, Promise<T>>();

  run(key: string, start: () => Promise<T>): Promise<T> {
    let promise = this.#pending.get(key);
    if (!promise) {
      promise = start().finally(() => this.#pending.delete(key));
      this.#pending.set(key, promise);
    }
    return promise;
  }

  /** Number of calls under way. */
  get size(): number {
    return this.#pending.size;
  }
}

/**
 * The shared `promise`, or the caller's own abort: one caller giving up never cancels the
 * shared request for the others. Rejects with `signal.reason` when the signal fires first.
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
