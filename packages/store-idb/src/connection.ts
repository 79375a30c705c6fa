import { createStore, type UseStore } from 'idb-keyval';

/** Error names of a transaction that failed because its connection was closed or lost. */
const LOST_CONNECTION = new Set(['InvalidStateError', 'TransactionInactiveError', 'AbortError', 'UnknownError']);

/** Did this IndexedDB failure come from a closed or lost connection (worth reopening once)? */
export function isLostConnection(error: unknown): boolean {
  const named = error as { name?: unknown } | null;
  return typeof named?.name === 'string' && LOST_CONNECTION.has(named.name);
}

const watched = new WeakSet<IDBDatabase>();

/**
 * Opens the object store `storeName` of database `databaseName` through idb-keyval (created on
 * first use). The connection closes itself when another connection asks for a version change
 * (a delete or an upgrade in another tab), so that it never blocks one; the next transaction on
 * it then fails with `InvalidStateError` and the store reopens.
 */
export function openStore(databaseName: string, storeName: string): UseStore {
  const use = createStore(databaseName, storeName);
  return (mode, callback) =>
    use(mode, (objectStore) => {
      const db = objectStore.transaction.db;
      if (!watched.has(db)) {
        watched.add(db);
        db.addEventListener('versionchange', () => db.close());
      }
      return callback(objectStore);
    });
}
