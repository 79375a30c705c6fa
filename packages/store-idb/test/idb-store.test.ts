import 'fake-indexeddb/auto';
import { snapshotKey } from '@authlite/core/store';
import { markerSnapshot, plantedSnapshot } from '@authlite/store-conformance';
import { expectClientToAnswerDespite } from '@authlite/store-conformance/node';
import { describe, expect, it, vi } from 'vitest';
import { createIdbStore, DEFAULT_STORE_NAME, defaultDatabaseName, IdbRoleStore } from '../src/index.js';

const ORG_A = 'org-a-0001';
const ORG_B = 'org-b-0002';

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '').sort();
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Opens `name` at `version` from a second connection, as another tab would; reports whether our connection blocked it. */
function openFromElsewhere(
  name: string,
  version: number,
  upgrade?: (db: IDBDatabase) => void,
): Promise<{ blocked: boolean; db: IDBDatabase }> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const req = indexedDB.open(name, version);
    req.onblocked = () => {
      blocked = true;
    };
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onsuccess = () => resolve({ blocked, db: req.result });
    req.onerror = () => reject(req.error);
  });
}

describe('createIdbStore options', () => {
  it('rejects bad options with a TypeError naming the option, before opening anything', async () => {
    const before = await databaseNames();
    expect(() => createIdbStore({ orgId: '' })).toThrow(/Invalid option "orgId"/);
    expect(() => createIdbStore({ orgId: 'has space' })).toThrow(TypeError);
    expect(() => createIdbStore({ orgId: ORG_A, databaseName: '' })).toThrow(/Invalid option "databaseName"/);
    expect(() => createIdbStore({ orgId: ORG_A, storeName: 'x'.repeat(257) })).toThrow(/Invalid option "storeName"/);
    expect(() => createIdbStore(null as never)).toThrow(/Invalid option "options"/);
    expect(() => createIdbStore({ orgId: ORG_A, database: 'x' } as never)).toThrow(
      expect.objectContaining({
        name: 'ConfigurationError',
        option: 'database',
        message: 'Unknown option "database" (did you mean "databaseName"?)',
      }),
    );
    expect(await databaseNames()).toEqual(before);
  });

  it('says so when the runtime has no IndexedDB', () => {
    vi.stubGlobal('indexedDB', undefined);
    try {
      expect(() => createIdbStore({ orgId: ORG_A })).toThrow('createIdbStore needs IndexedDB, which this runtime does not have');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('IdbRoleStore', () => {
  it('keeps each organisation in a database of its own, with a custom object store', async () => {
    const a = createIdbStore({ orgId: ORG_A });
    const b = createIdbStore({ orgId: ORG_B });
    expect(a.databaseName).toBe(defaultDatabaseName(ORG_A));
    expect(a.databaseName).toBe(`authlite-roles-${ORG_A}`);
    expect(a.storeName).toBe(DEFAULT_STORE_NAME);
    await a.set(snapshotKey(ORG_A), markerSnapshot(ORG_A, 'rol_aaa_000000000000000a', 'a'));
    await b.set(snapshotKey(ORG_B), markerSnapshot(ORG_B, 'rol_bbb_000000000000000b', 'b'));
    expect(await databaseNames()).toEqual(expect.arrayContaining([`authlite-roles-${ORG_A}`, `authlite-roles-${ORG_B}`]));
    expect(await databaseNames()).not.toContain('keyval-store');
    const { db } = await openFromElsewhere(a.databaseName, 1);
    expect([...db.objectStoreNames]).toEqual(['role-snapshots']);
    db.close();
    expect(await a.get(snapshotKey(ORG_B))).toBeUndefined();
    expect(await b.get(snapshotKey(ORG_A))).toBeUndefined();
  });

  it('returns a copy of what it stored, from this and from another store object', async () => {
    const store = new IdbRoleStore({ orgId: ORG_A, databaseName: 'copies' });
    const snapshot = plantedSnapshot({ orgId: ORG_A, fetchedAt: 1_700_000_000 });
    await store.set('k', snapshot);
    const back = await store.get('k');
    expect(back).toEqual(snapshot);
    expect(back).not.toBe(snapshot);
    expect(await new IdbRoleStore({ orgId: ORG_A, databaseName: 'copies' }).get('k')).toEqual(snapshot);
  });

  it('never blocks an upgrade from another tab, and reopens after it with the data kept', async () => {
    const store = createIdbStore({ orgId: ORG_A, databaseName: 'upgraded' });
    const snapshot = markerSnapshot(ORG_A, 'rol_upg_00000000000000a1', 'kept');
    await store.set('k', snapshot);
    const { blocked, db } = await openFromElsewhere('upgraded', 2, (upgrading) => upgrading.createObjectStore('other'));
    db.close();
    expect(blocked).toBe(false);
    // Our connection closed itself on versionchange: this get fails on it, reopens once, and succeeds.
    expect(await store.get('k')).toEqual(snapshot);
    await store.set('k2', snapshot);
    expect(await store.get('k2')).toEqual(snapshot);
  });

  it('never blocks a delete from another tab, and starts afresh after it', async () => {
    const store = createIdbStore({ orgId: ORG_A, databaseName: 'deleted' });
    await store.set('k', markerSnapshot(ORG_A, 'rol_del_00000000000000a1', 'gone'));
    let blocked = false;
    const deletion = indexedDB.deleteDatabase('deleted');
    deletion.onblocked = () => {
      blocked = true;
    };
    await request(deletion);
    expect(blocked).toBe(false);
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', markerSnapshot(ORG_A, 'rol_del_00000000000000a2', 'again'));
    expect(((await store.get('k')) as { roles: { rol_id: string }[] }).roles[0]?.rol_id).toBe('rol_del_00000000000000a2');
  });

  it('throws a failure that is not a lost connection, and the client still answers from the API', async () => {
    // A database of that name without our object store: every transaction fails with NotFoundError.
    const { db } = await openFromElsewhere('foreign-db', 1, (upgrading) => upgrading.createObjectStore('something-else'));
    db.close();
    const store = createIdbStore({ orgId: ORG_A, databaseName: 'foreign-db' });
    await expect(store.get('k')).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(store.set('k', markerSnapshot(ORG_A, 'rol_frn_00000000000000a1', 'x'))).rejects.toMatchObject({ name: 'NotFoundError' });

    await expectClientToAnswerDespite(createIdbStore({ orgId: ORG_A, databaseName: 'foreign-db' }));
  });
});
