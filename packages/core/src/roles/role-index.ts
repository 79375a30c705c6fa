import type { Role } from '../schemas/answers.ts';
import type { Permission } from '../schemas/permission.ts';

/**
 * An immutable, loaded view of an organisation's roles for synchronous permission checks.
 * Every permission of a role counts (the Python client saw only the first). Built from a
 * role snapshot; obtain one with `client.roles.load()` for hot code paths.
 */
export class RoleIndex {
  readonly #grants = new Map<string, Map<string, Set<string>>>();
  readonly #roles = new Map<string, Role>();

  constructor(roles: readonly Role[]) {
    for (const role of roles) {
      this.#roles.set(role.rol_id, role);
      const byKey = new Map<string, Set<string>>();
      for (const permission of role.permissions) {
        for (const [key, value] of Object.entries(permission)) {
          let values = byKey.get(key);
          if (!values) byKey.set(key, (values = new Set()));
          values.add(value);
        }
      }
      this.#grants.set(role.rol_id, byKey);
    }
  }

  /** Does role `roleId` give permission `key` the value `value`? False for an unknown role. */
  can(roleId: string, key: string, value: string): boolean {
    return this.#grants.get(roleId)?.get(key)?.has(value) === true;
  }

  /** Number of roles. */
  count(): number {
    return this.#roles.size;
  }

  /** Every role, as fetched. */
  roles(): Role[] {
    return [...this.#roles.values()];
  }

  /** The permission list of a role, or `null` for an unknown role. */
  permissionsOf(roleId: string): Permission[] | null {
    const role = this.#roles.get(roleId);
    return role ? role.permissions.map((permission) => ({ ...permission })) : null;
  }

  /** Every value role `roleId` gives `key`, or `null` when the role is unknown or lacks the key. */
  valuesOf(roleId: string, key: string): string[] | null {
    const values = this.#grants.get(roleId)?.get(key);
    return values ? [...values] : null;
  }

  /** For each role that has `key`: role id → the values it gives that key. */
  rolesWithKey(key: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [roleId, byKey] of this.#grants) {
      const values = byKey.get(key);
      if (values) out[roleId] = [...values];
    }
    return out;
  }

  /** Every role id → its permission list. */
  all(): Record<string, Permission[]> {
    const out: Record<string, Permission[]> = {};
    for (const [roleId, role] of this.#roles) out[roleId] = role.permissions.map((permission) => ({ ...permission }));
    return out;
  }
}
