import * as v from 'valibot';
import { type Role, RoleSchema } from '../schemas/answers.ts';

/** Version of the snapshot layout; a snapshot of another version is discarded and re-fetched. */
export const SNAPSHOT_VERSION = 1;

/**
 * What a role store holds for one organisation: every role with all its permissions, the
 * `X-EDGE` role count it matched, and when it was fetched (`fetchedAt`, seconds since the
 * epoch). Plain JSON, so any key-value backend can keep it.
 */
export interface RoleSnapshot {
  v: typeof SNAPSHOT_VERSION;
  orgId: string;
  roles: Role[];
  edge: number;
  fetchedAt: number;
}

/**
 * A pluggable place to keep role snapshots: memory (`@authlite/store-memory`), IndexedDB,
 * Workers KV, Deno KV, or anything with these two methods. Keys are chosen by the client and
 * already namespaced by organisation and snapshot version (see {@link snapshotKey}).
 *
 * `get` returns what `set` stored, or `undefined`/`null` when there is nothing; the client
 * validates it and discards anything that is not a valid snapshot of its organisation, so a
 * store may return corrupt or foreign data without harm. Errors thrown by a store are
 * contained: a failed `get` counts as empty, a failed `set` leaves the in-memory cache valid.
 */
export interface RoleStore {
  /** The value stored under `key` (checked with {@link parseSnapshot} before use), or `undefined`. */
  get(key: string): Promise<unknown> | unknown;
  /** Stores `snapshot` under `key`, replacing any value. */
  set(key: string, snapshot: RoleSnapshot): Promise<void> | void;
}

/** The store key of an organisation's snapshot: `authlite:roles:v<version>:<orgId>`. */
export function snapshotKey(orgId: string): string {
  return `authlite:roles:v${SNAPSHOT_VERSION}:${orgId}`;
}

// The version is compared before the schema runs (no valibot literal for one number).
const SnapshotSchema = /* @__PURE__ */ v.object({
  orgId: /* @__PURE__ */ v.string(),
  roles: /* @__PURE__ */ v.array(RoleSchema),
  edge: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.number(), /* @__PURE__ */ v.integer(), /* @__PURE__ */ v.minValue(0)),
  fetchedAt: /* @__PURE__ */ v.number(),
});

/** The stored value as a snapshot of `orgId`, or `undefined` when it is not one (corrupt, foreign, other version). */
export function parseSnapshot(stored: unknown, orgId: string): RoleSnapshot | undefined {
  let value = stored;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if ((value as Partial<RoleSnapshot> | null)?.v !== SNAPSHOT_VERSION) return undefined;
  const parsed = v.safeParse(SnapshotSchema, value);
  if (!parsed.success || parsed.output.orgId !== orgId) return undefined;
  return { v: SNAPSHOT_VERSION, ...parsed.output };
}
