/**
 * `@authlite/store-idb`: an IndexedDB role store for `@authlite/core`, one database per
 * organisation, through idb-keyval's custom store.
 *
 * @packageDocumentation
 */
export { createIdbStore, IdbRoleStore } from './idb-role-store.ts';
export { DEFAULT_STORE_NAME, defaultDatabaseName, type IdbStoreOptions } from './options.ts';
