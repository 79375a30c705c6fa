import type { EmulatorSeed } from '@authlite/emulator';

/** Role id number `i` of the bulk roles. */
export function bulkRoleId(i: number): string {
  return `rol_blk_${i.toString(16).padStart(16, '0')}`;
}

/**
 * Adds 200 roles (each granting `bulk=<i>`) and users `roles0@`, `roles100@`, `roles200@example.com`
 * holding 0, 100 and 200 of them: the access token grows with the roles.
 */
export function addManyRoles(seed: EmulatorSeed): void {
  const org = seed.organisations[0];
  if (!org) throw new Error('the seed has no organisation');
  const ids = Array.from({ length: 200 }, (_, i) => bulkRoleId(i));
  org.roles = [...(org.roles ?? []), ...ids.map((rol_id, i) => ({ rol_id, name: `bulk ${i}`, permissions: [{ bulk: String(i) }] }))];
  org.users = [
    ...(org.users ?? []),
    ...[0, 100, 200].map((count) => ({
      uid: `roles${count}`.padEnd(32, '0'),
      email: `roles${count}@example.com`,
      roles: ids.slice(0, count),
    })),
  ];
}
