import type { RoleStore } from '@authlite/core';
import type { CountingStore } from './types.js';

/** Wraps `store` and counts the `get` and `set` calls that reach it; everything else is the real store's doing. */
export function countingStore(store: RoleStore): CountingStore {
  let reads = 0;
  let writes = 0;
  return {
    get reads() {
      return reads;
    },
    get writes() {
      return writes;
    },
    get(key) {
      reads++;
      return store.get(key);
    },
    set(key, snapshot) {
      writes++;
      return store.set(key, snapshot);
    },
  };
}
