// Bundled into one page script by the Chromium test; exposes `globalThis.authliteIdb`.
import { AuthLiteClient, type AuthLiteClientOptions } from '@authlite/core';
import { parseSnapshot, snapshotKey } from '@authlite/core/store';
import { type ConformanceConfig, markerSnapshot, type OrgCredentials, runConformance } from '@authlite/store-conformance';
import { createIdbStore, type IdbRoleStore } from '../../src/index.js';
import { idbTarget } from '../idb-target.js';

/** Stores kept open between evaluations, by name. */
const held = new Map<string, IdbRoleStore>();

function client(config: ConformanceConfig, store: IdbRoleStore): AuthLiteClient {
  const org: OrgCredentials = config.orgs.main;
  return new AuthLiteClient({
    ...(config.clientOptions as Partial<AuthLiteClientOptions>),
    apiKey: org.apiKey,
    secretKey: org.secretKey,
    orgId: org.orgId,
    baseUrl: config.emulatorUrl,
    roleStore: store,
  });
}

async function readRoleIds(store: IdbRoleStore): Promise<string[] | null> {
  const snapshot = parseSnapshot(await store.get(snapshotKey(store.orgId)), store.orgId);
  return snapshot ? snapshot.roles.map((r) => r.rol_id) : null;
}

const api = {
  runConformance: (config: ConformanceConfig) => runConformance(idbTarget('idb (chromium)'), config),

  /** Opens a store and keeps it open across evaluations; saves a one-role marker snapshot in it. */
  async hold(name: string, orgId: string, databaseName: string, markerRole: string): Promise<string[] | null> {
    const store = createIdbStore({ orgId, databaseName });
    held.set(name, store);
    await store.set(snapshotKey(orgId), markerSnapshot(orgId, markerRole, name));
    return readRoleIds(store);
  },

  /** The role ids the held store `name` reads now (its connection may have been closed meanwhile). */
  readHeld: (name: string) => readRoleIds(held.get(name)!),

  /** Opens `databaseName` one version up from a second connection, as another tab would. */
  upgradeElsewhere(databaseName: string): Promise<{ blocked: boolean; version: number }> {
    return new Promise((resolve, reject) => {
      const probe = indexedDB.open(databaseName);
      probe.onerror = () => reject(probe.error);
      probe.onsuccess = () => {
        const version = probe.result.version + 1;
        probe.result.close();
        let blocked = false;
        const upgrade = indexedDB.open(databaseName, version);
        upgrade.onblocked = () => {
          blocked = true;
        };
        upgrade.onerror = () => reject(upgrade.error);
        upgrade.onsuccess = () => {
          upgrade.result.close();
          resolve({ blocked, version });
        };
      };
    });
  },

  /** A client on the held store `name`: its answer to an admin check, and what the store holds afterwards. */
  async checkWithHeld(config: ConformanceConfig, name: string): Promise<{ allowed: boolean; stored: string[] | null }> {
    const store = held.get(name)!;
    const allowed = await client(config, store).roles.validate('rol_adm_00000000000000a1', 'billing', 'write');
    return { allowed, stored: await readRoleIds(store) };
  },

  /** A client with the default store of the main organisation (as an app would build it): its answers and the databases of the origin. */
  async checkWithDefaultStore(config: ConformanceConfig): Promise<{ allowed: boolean; count: number; databases: string[] }> {
    const store = createIdbStore({ orgId: config.orgs.main.orgId });
    const c = client(config, store);
    const allowed = await c.roles.validate('rol_adm_00000000000000a1', 'billing', 'write');
    const count = await c.roles.countRoles();
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    return { allowed, count, databases };
  },
};

(globalThis as { authliteIdb?: typeof api }).authliteIdb = api;
export type BrowserApi = typeof api;
