import type { RoleSnapshot, RoleStore } from '@authlite/core';
import { get, set, type UseStore } from 'idb-keyval';
import { isLostConnection, openStore } from './connection.ts';
import { type IdbStoreOptions, resolveOptions } from './options.ts';

/**
 * A role store in IndexedDB, so that the role cache survives page loads and is shared by the
 * tabs of an origin. Each organisation has a database of its own (`authlite-roles-<orgId>`,
 * object store `role-snapshots`), opened through idb-keyval's custom store, never its shared
 * default one. Snapshots are kept as structured clones; the client validates what it reads.
 *
 * A transaction that fails because the browser closed the connection (Safari does; so does
 * clearing site data, or a delete or upgrade from another tab) reopens the database once and
 * is tried again; a second failure is thrown, and the client then treats the store as empty
 * (`get`) or keeps its in-memory cache (`set`).
 */
export class IdbRoleStore implements RoleStore {
  /** The IndexedDB database this store uses. */
  readonly databaseName: string;
  /** The object store inside {@link IdbRoleStore.databaseName}. */
  readonly storeName: string;
  /** The organisation this store is for. */
  readonly orgId: string;
  #use: UseStore;

  /**
   * @throws TypeError naming the invalid option, or when this runtime has no IndexedDB; nothing is opened then.
   */
  constructor(options: IdbStoreOptions) {
    const resolved = resolveOptions(options);
    if (typeof indexedDB === 'undefined') throw new TypeError('createIdbStore needs IndexedDB, which this runtime does not have');
    this.orgId = resolved.orgId;
    this.databaseName = resolved.databaseName;
    this.storeName = resolved.storeName;
    this.#use = openStore(this.databaseName, this.storeName);
  }

  /** The value stored under `key`, or `undefined`. @throws the IndexedDB error when it fails again after reopening. */
  get(key: string): Promise<unknown> {
    return this.#withStore((use) => get(key, use));
  }

  /** Stores `snapshot` under `key`, replacing any value. @throws the IndexedDB error when it fails again after reopening. */
  set(key: string, snapshot: RoleSnapshot): Promise<void> {
    return this.#withStore((use) => set(key, snapshot, use));
  }

  async #withStore<T>(operation: (use: UseStore) => Promise<T>): Promise<T> {
    const used = this.#use;
    try {
      return await operation(used);
    } catch (error) {
      if (!isLostConnection(error)) throw error;
      // Reopen once (unless a concurrent call already did), then try once more.
      if (this.#use === used) this.#use = openStore(this.databaseName, this.storeName);
      return operation(this.#use);
    }
  }
}

/**
 * A new {@link IdbRoleStore} for organisation `options.orgId`; pass it as the client's `roleStore`:
 *
 * ```ts
 * const client = new AuthLiteClient({ apiKey, secretKey, orgId, roleStore: createIdbStore({ orgId }) });
 * ```
 *
 * @throws TypeError naming the invalid option, or when this runtime has no IndexedDB.
 */
export function createIdbStore(options: IdbStoreOptions): IdbRoleStore {
  return new IdbRoleStore(options);
}
