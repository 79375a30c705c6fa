import type { RoleIndex } from '../roles/role-index.ts';
import type { PermissionsInput, Roles } from '../roles/roles.ts';
import type { AddPermissionResponse, AddRoleResponse, DeletePermissionResponse, DeleteRoleResponse, Role } from '../schemas/answers.ts';
import type { Permission } from '../schemas/permission.ts';
import type { CallOptions } from '../shared/call-options.ts';
import { addPermission, addRole, deletePermission, deleteRole } from './functions/role-management.ts';
import { countRoles, getAllRoles, loadRoles, queryRoles, refreshRoles, validatePermission } from './functions/role-reads.ts';
import type { AuthLiteHandle } from './handle.ts';

/**
 * The implementation of {@link Roles} over a client's handle: each method is its function of
 * the function API; method documentation is on the interface. Built by `AuthLiteClient`, not exported.
 */
export class RolesApi implements Roles {
  readonly #auth: AuthLiteHandle;

  constructor(auth: AuthLiteHandle) {
    this.#auth = auth;
  }

  getAllRoles(options?: CallOptions): Promise<Role[]> {
    return getAllRoles(this.#auth, options);
  }

  addRole(name: string, permissions: PermissionsInput, options?: CallOptions): Promise<AddRoleResponse> {
    return addRole(this.#auth, name, permissions, options);
  }

  deleteRole(roleId: string, options?: CallOptions): Promise<DeleteRoleResponse> {
    return deleteRole(this.#auth, roleId, options);
  }

  addPermission(roleId: string, permissions: PermissionsInput, options?: CallOptions): Promise<AddPermissionResponse> {
    return addPermission(this.#auth, roleId, permissions, options);
  }

  deletePermission(roleId: string, permissions: PermissionsInput, options?: CallOptions): Promise<DeletePermissionResponse> {
    return deletePermission(this.#auth, roleId, permissions, options);
  }

  query(): Promise<Record<string, Permission[]>>;
  query(roleId: string, permissionKey?: undefined, options?: CallOptions): Promise<Permission[] | null>;
  query(roleId: undefined, permissionKey: string, options?: CallOptions): Promise<Record<string, string[]>>;
  query(roleId: string, permissionKey: string, options?: CallOptions): Promise<string[] | null>;
  query(roleId: undefined, permissionKey: undefined, options: CallOptions): Promise<Record<string, Permission[]>>;
  query(roleId?: string, permissionKey?: string, options?: CallOptions): Promise<unknown> {
    return queryRoles(this.#auth, roleId as string, permissionKey as string, options);
  }

  validate(roleId: string, permissionKey: string, permissionValue: string, options?: CallOptions): Promise<boolean> {
    return validatePermission(this.#auth, roleId, permissionKey, permissionValue, options);
  }

  countRoles(options?: CallOptions): Promise<number> {
    return countRoles(this.#auth, options);
  }

  load(options?: CallOptions): Promise<RoleIndex> {
    return loadRoles(this.#auth, options);
  }

  refresh(options?: CallOptions): Promise<RoleIndex> {
    return refreshRoles(this.#auth, options);
  }
}
