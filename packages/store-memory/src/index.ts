/**
 * An in-memory role store: the default of `@authlite/core`, one per client unless shared on
 * purpose. It keeps each value as a JSON string, so callers never share mutable objects with
 * it (like every real key-value backend). It lives as long as the process or isolate.
 *
 * Implements core's `RoleStore` structurally (`get(key)`, `set(key, value)`), so this package
 * does not depend on core.
 */
export class MemoryRoleStore {
  readonly #entries = new Map<string, string>();

  /** The value stored under `key`, parsed from its JSON copy, or `undefined`. */
  get(key: string): unknown {
    const raw = this.#entries.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
  }

  /** Stores a JSON copy of `value` under `key`. @throws TypeError when `value` cannot be serialised to JSON. */
  set(key: string, value: unknown): void {
    const raw = JSON.stringify(value);
    if (raw === undefined) throw new TypeError('MemoryRoleStore can only keep JSON values');
    this.#entries.set(key, raw);
  }

  /** Removes the value under `key`, if any. */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Number of keys held. */
  get size(): number {
    return this.#entries.size;
  }
}

/** A new, empty {@link MemoryRoleStore}. */
export function createMemoryStore(): MemoryRoleStore {
  return new MemoryRoleStore();
}
