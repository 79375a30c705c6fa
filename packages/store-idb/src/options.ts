import { refuseUnknownKeys } from '@authlite/core/options';

/** Default name of the object store inside each organisation's database. */
export const DEFAULT_STORE_NAME = 'role-snapshots';

/** The database of organisation `orgId` unless named otherwise: `authlite-roles-<orgId>`. */
export function defaultDatabaseName(orgId: string): string {
  return `authlite-roles-${orgId}`;
}

/** Options of {@link createIdbStore}. */
export interface IdbStoreOptions {
  /** The organisation whose role snapshots this store keeps: the client's `orgId`. Letters, digits, `_` or `-`, 1 to 128. */
  orgId: string;
  /** IndexedDB database name, 1 to 256 characters. Default `authlite-roles-<orgId>`: one database per organisation. */
  databaseName?: string;
  /** Object store name inside the database, 1 to 256 characters. Default `role-snapshots`. */
  storeName?: string;
}

const ORG_ID = /^[A-Za-z0-9_-]{1,128}$/;

function invalid(option: string, expected: string): TypeError {
  return new TypeError(`Invalid option "${option}" of createIdbStore: expected ${expected}`);
}

function name(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length < 1 || value.length > 256) throw invalid(option, 'a string of 1 to 256 characters');
  return value;
}

/** The options with their defaults. @throws TypeError naming the first invalid option. */
export function resolveOptions(options: IdbStoreOptions): Required<IdbStoreOptions> {
  if (typeof options !== 'object' || options === null) throw invalid('options', 'an object with an orgId');
  refuseUnknownKeys(options, ['orgId', 'databaseName', 'storeName']);
  const { orgId } = options;
  if (typeof orgId !== 'string' || !ORG_ID.test(orgId)) throw invalid('orgId', 'an organisation id (1 to 128 letters, digits, _ or -)');
  return {
    orgId,
    databaseName: name(options.databaseName, 'databaseName') ?? defaultDatabaseName(orgId),
    storeName: name(options.storeName, 'storeName') ?? DEFAULT_STORE_NAME,
  };
}
