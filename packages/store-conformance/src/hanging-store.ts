import type { RoleStore } from '@authlite/core';

/** Which calls of a {@link hangingStore} never settle. */
export type Hang = 'reads' | 'reads-and-writes';

const never = () => new Promise<never>(() => undefined);

/**
 * `store` with calls that never settle: `get` always, `set` too for `'reads-and-writes'`.
 * The generic form of a backend that hangs; a target can hang its real backend instead
 * (see `StoreTarget.openHangingStore`).
 */
export function hangingStore(store: RoleStore, hang: Hang): RoleStore {
  return {
    get: never,
    set: hang === 'reads' ? (key, snapshot) => store.set(key, snapshot) : never,
  };
}
