import { RequestScopedFlight } from '../runtime/request-scoped-flight.ts';

/**
 * Coalesces concurrent calls with the same key into one: while a call for `key` is under way,
 * later callers get the same promise. Nothing is kept once it settles (no timers). On
 * Workers the sharing is per request (see {@link RequestScopedFlight}).
 */
export class SingleFlight<T> {
  readonly #flights = new Map<string, RequestScopedFlight<T>>();

  run(key: string, start: () => Promise<T>): Promise<T> {
    let flight = this.#flights.get(key);
    if (!flight) this.#flights.set(key, (flight = new RequestScopedFlight<T>()));
    const shared = flight;
    return shared.run(start).finally(() => {
      if (shared.size === 0 && this.#flights.get(key) === shared) this.#flights.delete(key);
    });
  }

  /** Number of keys with a call under way. */
  get size(): number {
    return this.#flights.size;
  }
}
