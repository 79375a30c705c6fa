import type { RoleStore } from '@authlite/core';
import type { CountingStore } from './types.js';

/** Wraps `store` and counts the `get` and `set` calls that reach it; everything else is the real store's doing. */
export function countingStore(store: RoleStore): CountingStore {
  let reads = 0;
  let writes = 0;
  let settled = 0;
  const track = <T>(result: Promise<T> | T): Promise<T> | T => {
    if (!(result instanceof Promise)) {
      settled++;
      return result;
    }
    return result.finally(() => settled++);
  };
  return {
    get reads() {
      return reads;
    },
    get writes() {
      return writes;
    },
    get settled() {
      return settled;
    },
    get(key) {
      reads++;
      return track(store.get(key));
    },
    set(key, snapshot) {
      writes++;
      return track(store.set(key, snapshot));
    },
  };
}
