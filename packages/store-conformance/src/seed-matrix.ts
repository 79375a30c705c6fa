import type { RoleIndex } from '@authlite/core';
import type { SeedRole } from '@authlite/emulator';
import { MAIN_SEED_ROLES } from './seed.js';

/** A role id no organisation has. */
const UNKNOWN_ROLE = 'rol_zzz_0000000000000000';

/** Every (key, value) the seed roles give, plus pairs none gives (a known key with another value, an unknown key). */
function probedPermissions(roles: readonly SeedRole[]): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const role of roles) {
    for (const permission of role.permissions) {
      for (const [key, value] of Object.entries(permission)) pairs.set(`${key}=${value}`, [key, value]);
    }
  }
  pairs.set('billing=read', ['billing', 'read']);
  pairs.set('posts=delete', ['posts', 'delete']);
  pairs.set('vault=open', ['vault', 'open']);
  return [...pairs.values()].sort(([a, b], [c, d]) => `${a}=${b}`.localeCompare(`${c}=${d}`));
}

function probes(roles: readonly SeedRole[]): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const roleId of [...roles.map((r) => r.rol_id), UNKNOWN_ROLE].sort()) {
    for (const [key, value] of probedPermissions(roles)) out.push([roleId, key, value]);
  }
  return out;
}

/**
 * The permission matrix the seed defines: `"<roleId> <key>=<value>"` → granted, for every seed
 * role and an unknown one, crossed with every permission of the seed and a few no role has.
 * Computed from the seed data alone, without the client.
 */
export function expectedSeedMatrix(roles: readonly SeedRole[] = MAIN_SEED_ROLES): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [roleId, key, value] of probes(roles)) {
    const role = roles.find((r) => r.rol_id === roleId);
    out[`${roleId} ${key}=${value}`] = role?.permissions.some((p) => p[key] === value) ?? false;
  }
  return out;
}

/** The same matrix as answered by a loaded client index. */
export function observedSeedMatrix(index: RoleIndex, roles: readonly SeedRole[] = MAIN_SEED_ROLES): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [roleId, key, value] of probes(roles)) out[`${roleId} ${key}=${value}`] = index.can(roleId, key, value);
  return out;
}
