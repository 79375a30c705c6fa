import type { AddPermissionResponse, AddRoleResponse, DeletePermissionResponse, DeleteRoleResponse, Role } from '../schemas/answers.ts';
import type { Permission } from '../schemas/permission.ts';
import type { CallOptions } from '../shared/call-options.ts';
import type { RoleIndex } from './role-index.ts';

/** Permissions given as a list of one-entry objects (`[{ billing: "write" }]`) or as one object of entries (`{ billing: "write" }`). */
export type PermissionsInput = Permission[] | Record<string, string>;

/**
 * RBAC: remote role and permission management (`/rbac/role`, `/rbac/permission`) and local
 * checks over the role cache. Available as `client.roles`; every method requires the
 * client's `orgId` (else `ConfigurationError`). Remote writes are sent once, never retried;
 * after the API accepted one, the cache and its store are updated at once. Each method is also
 * a function taking a handle first (`loadRoles`, `refreshRoles`, `getAllRoles`, `queryRoles`,
 * `validatePermission`, `countRoles`, `addRole`, `deleteRole`, `addPermission`, `deletePermission`).
 */
export interface Roles {
  /**
   * Every role of the organisation, fetched now from `GET /rbac/role`; the cache is replaced
   * with the answer.
   * @throws ConfigurationError without `orgId`; HttpError, TimeoutError, NetworkError, UnexpectedAnswerError.
   * @example
   * const roles = await client.roles.getAllRoles();
   * console.log(roles.map((role) => role.name));
   */
  getAllRoles(options?: CallOptions): Promise<Role[]>;

  /**
   * Creates a role. `POST /rbac/role`.
   * @param name 1 to 256 characters.
   * @param permissions `[{ billing: "write" }, ...]` or `{ billing: "write", ... }`; 1 to 100.
   * @returns the new role, with its generated `rol_id`.
   * @throws ValidationError before any request; ConfigurationError without `orgId`; HttpError (422 malformed), TimeoutError, NetworkError, UnexpectedAnswerError.
   * @example
   * const editor = await client.roles.addRole('editor', { posts: 'write' });
   * await client.attachRole(uid, editor.rol_id);
   */
  addRole(name: string, permissions: PermissionsInput, options?: CallOptions): Promise<AddRoleResponse>;

  /**
   * Deletes a role. `DELETE /rbac/role`.
   * @returns the deleted role.
   * @throws ValidationError (role id form) before any request; ConfigurationError; HttpError (404 unknown role), TimeoutError, NetworkError, UnexpectedAnswerError.
   */
  deleteRole(roleId: string, options?: CallOptions): Promise<DeleteRoleResponse>;

  /**
   * Adds permissions to a role. `POST /rbac/permission`.
   * @returns `{ org_id, rol_id, permissions }` with only the permissions added.
   * @throws ValidationError before any request; ConfigurationError; HttpError (404 unknown role), TimeoutError, NetworkError, UnexpectedAnswerError.
   */
  addPermission(roleId: string, permissions: PermissionsInput, options?: CallOptions): Promise<AddPermissionResponse>;

  /**
   * Removes permissions from a role. `DELETE /rbac/permission`.
   * @returns `{ org_id, rol_id, permissions }` with every permission that remains.
   * @throws ValidationError before any request; ConfigurationError; HttpError (404 unknown role), TimeoutError, NetworkError, UnexpectedAnswerError.
   */
  deletePermission(roleId: string, permissions: PermissionsInput, options?: CallOptions): Promise<DeletePermissionResponse>;

  /**
   * Reads the role cache (filled from `GET /rbac/role` on first use), with the Python
   * client's semantics for each combination, but every permission of a role counts:
   * - `query()`: every role id → its permission list;
   * - `query(roleId)`: that role's permission list, or `null` for an unknown role;
   * - `query(undefined, key)`: role id → the values it gives `key`, for each role that has it;
   * - `query(roleId, key)`: the values role `roleId` gives `key`, or `null`.
   * @throws ValidationError before any request; ConfigurationError; the errors of `GET /rbac/role` when it must be fetched.
   * @example
   * const values = await client.roles.query(roleId, 'billing'); // ['read', 'write'] or null
   */
  query(): Promise<Record<string, Permission[]>>;
  /** `query(roleId)`: that role's permission list, or `null` for an unknown role. */
  query(roleId: string, permissionKey?: undefined, options?: CallOptions): Promise<Permission[] | null>;
  /** `query(undefined, key)`: role id → the values it gives `key`, for each role that has it. */
  query(roleId: undefined, permissionKey: string, options?: CallOptions): Promise<Record<string, string[]>>;
  /** `query(roleId, key)`: the values role `roleId` gives `key`, or `null`. */
  query(roleId: string, permissionKey: string, options?: CallOptions): Promise<string[] | null>;
  /** `query(undefined, undefined, options)`: every role id → its permission list. */
  query(roleId: undefined, permissionKey: undefined, options: CallOptions): Promise<Record<string, Permission[]>>;

  /**
   * Does role `roleId` give permission `permissionKey` the value `permissionValue`? Checked on
   * the role cache; `GET /rbac/role` is called only when the cache must be (re)filled.
   * @throws ValidationError before any request; ConfigurationError; the errors of `GET /rbac/role` when it must be fetched.
   * @example
   * if (!(await client.roles.validate(roleId, 'billing', 'write'))) return new Response('Forbidden', { status: 403 });
   */
  validate(roleId: string, permissionKey: string, permissionValue: string, options?: CallOptions): Promise<boolean>;

  /** Number of roles in the role cache. @throws as {@link Roles.validate}. */
  countRoles(options?: CallOptions): Promise<number>;

  /**
   * The loaded role index, synchronised first when needed, for synchronous checks in hot
   * code.
   * @throws ConfigurationError without `orgId`; the errors of `GET /rbac/role` when it must be fetched.
   * @example
   * const index = await client.roles.load();
   * const allowed = roleIds.some((id) => index.can(id, 'billing', 'write'));
   */
  load(options?: CallOptions): Promise<RoleIndex>;

  /** Re-fetches `GET /rbac/role` now, whatever the cache holds. @throws as {@link Roles.getAllRoles}. */
  refresh(options?: CallOptions): Promise<RoleIndex>;
}
