import type { Role, RoleSnapshot } from '@authlite/core';
import { SNAPSHOT_VERSION } from '@authlite/core/store';
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { MAIN_SEED_ROLES } from './seed.js';

/** Now, in seconds since the epoch (the unit of `RoleSnapshot.fetchedAt`). */
export function nowS(): number {
  return Date.now() / 1000;
}

/** Options of {@link plantedSnapshot}. */
export interface PlantedSnapshotOptions {
  /** Organisation written into the snapshot. */
  orgId: string;
  /** A permission added to the admin role: a marker that tells whether the client used this snapshot. */
  adminExtra?: Record<string, string>;
  /** Seconds since the epoch; default now. */
  fetchedAt?: number;
}

/** A well-formed snapshot of the main seed roles, as a client would save it, with an optional marker permission. */
export function plantedSnapshot(options: PlantedSnapshotOptions): RoleSnapshot {
  const roles: Role[] = MAIN_SEED_ROLES.map((role) => ({
    org_id: options.orgId,
    rol_id: role.rol_id,
    name: role.name,
    permissions: [
      ...role.permissions.map((p) => ({ ...p })),
      ...(role.rol_id === DEFAULT_ROLE_IDS.admin && options.adminExtra ? [options.adminExtra] : []),
    ],
  }));
  return { v: SNAPSHOT_VERSION, orgId: options.orgId, roles, edge: roles.length, fetchedAt: options.fetchedAt ?? nowS() };
}

/** A one-role snapshot whose only role grants `{ marker: name }`. */
export function markerSnapshot(orgId: string, roleId: string, name: string): RoleSnapshot {
  return {
    v: SNAPSHOT_VERSION,
    orgId,
    roles: [{ org_id: orgId, rol_id: roleId, name, permissions: [{ marker: name }] }],
    edge: 1,
    fetchedAt: nowS(),
  };
}

/** Sorted role ids of a snapshot, or `null` when there is none. */
export function roleIds(snapshot: RoleSnapshot | undefined): string[] | null {
  return snapshot ? snapshot.roles.map((r) => r.rol_id).sort() : null;
}
