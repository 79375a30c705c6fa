/** What a store call that did not settle within its deadline yields instead of a value. */
export const STORE_DEADLINE_PASSED: unique symbol = Symbol('store deadline passed');

/**
 * Runs one store operation with a deadline of `ms` milliseconds, or until `abandon` settles
 * (the result is no longer needed). A store can hang for good (an IndexedDB open that never
 * fires is a known Safari failure), so no caller ever waits longer than this on it. The
 * timer is cleared as soon as the operation settles.
 * @returns the operation's value, or {@link STORE_DEADLINE_PASSED} when the deadline passed or `abandon` settled first.
 * @throws whatever the operation throws (synchronously or not).
 */
export function withStoreDeadline<T>(
  operation: () => Promise<T> | T,
  ms: number,
  abandon?: Promise<unknown>,
): Promise<T | typeof STORE_DEADLINE_PASSED> {
  return new Promise((resolve, reject) => {
    const passed = () => {
      clearTimeout(timer);
      resolve(STORE_DEADLINE_PASSED);
    };
    const timer = setTimeout(passed, ms);
    abandon?.then(passed, () => undefined);
    Promise.resolve()
      .then(operation)
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}
