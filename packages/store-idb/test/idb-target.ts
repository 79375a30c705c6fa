import type { StoreTarget } from '@authlite/store-conformance';
import { createStore, set } from 'idb-keyval';
import { createIdbStore } from '../src/index.js';

const STORE_NAME = 'role-snapshots';

/** The conformance namespace `space` of organisation `orgId`: a database of its own. */
export function databaseOf(space: string, orgId: string): string {
  return `conformance-${space}-${orgId}`;
}

/**
 * IndexedDB as a conformance target, in whatever runtime provides `indexedDB` (Chromium, or
 * Node with fake-indexeddb). Each `openStore` is a new store object with its own connection.
 */
export function idbTarget(name: string): StoreTarget {
  return {
    name,
    openStore: (space, orgId) => createIdbStore({ orgId, databaseName: databaseOf(space, orgId), storeName: STORE_NAME }),
    writeRaw: (space, orgId, key, raw) => set(key, raw, createStore(databaseOf(space, orgId), STORE_NAME)),
  };
}
