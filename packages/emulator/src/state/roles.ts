import { newRoleId } from './ids.ts';

/** A permission: a one-entry object `{ key: value }`. */
export type Permission = Record<string, string>;

/** A role as the wire shows it. */
export interface RoleRecord {
  org_id: string;
  rol_id: string;
  name: string;
  permissions: Permission[];
}

/** The single key and value of a permission object. */
export function permissionEntry(permission: Permission): [string, string] {
  const [entry] = Object.entries(permission);
  return entry ?? ['', ''];
}

/** Whether two permission objects have the same key and value. */
export function samePermission(a: Permission, b: Permission): boolean {
  const [ka, va] = permissionEntry(a);
  const [kb, vb] = permissionEntry(b);
  return ka === kb && va === vb;
}

/** A deep copy of a role, safe to hand out. */
export function copyRole(role: RoleRecord): RoleRecord {
  return { ...role, permissions: role.permissions.map((p) => ({ ...p })) };
}

/** The role with this id, if any. */
export function findRole(roles: readonly RoleRecord[], rolId: string): RoleRecord | undefined {
  return roles.find((r) => r.rol_id === rolId);
}

/** Creates a role with a new `rol_<3>_<16 hex>` id and appends it to `roles`. */
export function createRole(roles: RoleRecord[], orgId: string, name: string, permissions: Permission[]): RoleRecord {
  let rolId = newRoleId();
  while (findRole(roles, rolId)) rolId = newRoleId();
  const role: RoleRecord = { org_id: orgId, rol_id: rolId, name, permissions: [] };
  addPermissions(role, permissions);
  roles.push(role);
  return role;
}

/** Removes the role from `roles`; answers it, or undefined when unknown. */
export function deleteRole(roles: RoleRecord[], rolId: string): RoleRecord | undefined {
  const index = roles.findIndex((r) => r.rol_id === rolId);
  if (index < 0) return undefined;
  const [removed] = roles.splice(index, 1);
  return removed;
}

/** Adds the permissions the role lacks; answers only those added. */
export function addPermissions(role: RoleRecord, permissions: readonly Permission[]): Permission[] {
  const added: Permission[] = [];
  for (const p of permissions) {
    if (role.permissions.some((q) => samePermission(p, q))) continue;
    const copy = { ...p };
    role.permissions.push(copy);
    added.push({ ...copy });
  }
  return added;
}

/** Removes every matching permission; answers all that remain. */
export function removePermissions(role: RoleRecord, permissions: readonly Permission[]): Permission[] {
  role.permissions = role.permissions.filter((q) => !permissions.some((p) => samePermission(p, q)));
  return role.permissions.map((p) => ({ ...p }));
}
