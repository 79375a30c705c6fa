import type { Role } from '../schemas/answers.ts';
import type { Permission } from '../schemas/permission.ts';

// Pure, idempotent edits of a role list, applied by the cache after the API accepted a write.

/** One edit: the role list after it. */
type RoleListEdit = (roles: Role[]) => Role[];

const samePermission = (a: Permission, b: Permission) => {
  const [ak, av] = Object.entries(a)[0] ?? [];
  const [bk, bv] = Object.entries(b)[0] ?? [];
  return ak === bk && av === bv;
};

/** Adds `role`, replacing any role with the same id. */
export const withRole =
  (role: Role): RoleListEdit =>
  (roles: Role[]) => [...roles.filter((r) => r.rol_id !== role.rol_id), role];

/** Removes the role `roleId`. */
export const withoutRole =
  (roleId: string): RoleListEdit =>
  (roles: Role[]) =>
    roles.filter((r) => r.rol_id !== roleId);

/** Adds `added` to role `roleId`'s permissions, skipping ones it has. */
export const withPermissions =
  (roleId: string, added: Permission[]): RoleListEdit =>
  (roles: Role[]) =>
    roles.map((role) =>
      role.rol_id !== roleId
        ? role
        : { ...role, permissions: [...role.permissions, ...added.filter((p) => !role.permissions.some((q) => samePermission(p, q)))] },
    );

/** Sets role `roleId`'s permissions to `remaining` (the answer of a permission delete). */
export const withRemainingPermissions =
  (roleId: string, remaining: Permission[]): RoleListEdit =>
  (roles: Role[]) =>
    roles.map((role) => (role.rol_id !== roleId ? role : { ...role, permissions: [...remaining] }));
