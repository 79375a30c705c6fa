/**
 * `@authlite/core/store`: the kit for authors of a role store adapter: the snapshot layout,
 * its version, the key a client uses, and the parser a client applies to what a store
 * returns. An application that only plugs a store in needs none of it.
 * @module
 */
export { RoleIndex } from '../roles/role-index.ts';
export { parseSnapshot, type RoleSnapshot, type RoleStore, SNAPSHOT_VERSION, snapshotKey } from '../roles/role-store.ts';
