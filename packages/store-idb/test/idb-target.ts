import type { StoreTarget } from '@authlite/store-conformance';
import { createStore, set } from 'idb-keyval';
import { createIdbStore } from '../src/index.js';

const STORE_NAME = 'role-snapshots';

/** The conformance namespace `space` of organisation `orgId`: a database of its own. */
export function databaseOf(space: string, orgId: string): string {
  return `conformance-${space}-${orgId}`;
}

/** Opens `databaseName` (creating the object store), holding the connection with no `versionchange` handler. */
function openHolding(databaseName: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * A store whose every open never fires, as IndexedDB hangs in the field: a connection that
 * ignores `versionchange` blocks an upgrade request for good, and every later open of that
 * database waits in the queue behind it.
 */
async function openHungStore(databaseName: string, orgId: string, holders: IDBDatabase[]) {
  const holder = await openHolding(databaseName);
  holders.push(holder);
  indexedDB.open(databaseName, holder.version + 1);
  return createIdbStore({ orgId, databaseName, storeName: STORE_NAME });
}

/**
 * IndexedDB as a conformance target, in whatever runtime provides `indexedDB` (Chromium, or
 * Node with fake-indexeddb). Each `openStore` is a new store object with its own connection.
 */
export function idbTarget(name: string): StoreTarget {
  const holders: IDBDatabase[] = [];
  return {
    name,
    openStore: (space, orgId) => createIdbStore({ orgId, databaseName: databaseOf(space, orgId), storeName: STORE_NAME }),
    writeRaw: (space, orgId, key, raw) => set(key, raw, createStore(databaseOf(space, orgId), STORE_NAME)),
    openHangingStore: (space, orgId) => openHungStore(databaseOf(space, orgId), orgId, holders),
    // Lets the blocked opens through, so that nothing of the hung database outlives the suite.
    close: () => {
      for (const holder of holders.splice(0)) holder.close();
    },
  };
}
