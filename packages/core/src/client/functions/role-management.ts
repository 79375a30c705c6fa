import type { Answered, EndpointContext } from '../../endpoints/context.ts';
import { addPermissions, createRole, removePermissions, removeRoleById } from '../../endpoints/rbac.ts';
import { HttpError } from '../../errors/authlite-error.ts';
import { withoutRole, withPermissions, withRemainingPermissions, withRole } from '../../roles/role-writes.ts';
import type { PermissionsInput } from '../../roles/roles.ts';
import type { AddPermissionResponse, AddRoleResponse, DeletePermissionResponse, DeleteRoleResponse, Role } from '../../schemas/answers.ts';
import { PermissionListSchema, PermissionsInputSchema, RoleIdSchema, RoleNameSchema } from '../../schemas/inputs.ts';
import { parseInput } from '../../schemas/parse-input.ts';
import type { Permission } from '../../schemas/permission.ts';
import type { CallOptions } from '../../shared/call-options.ts';
import { refuseUnknownKeys } from '../../shared/known-keys.ts';
import { type AuthLiteHandle, type HandleState, requireOrgId, stateOf } from '../handle.ts';
import { roleCacheOf } from './role-cache-of.ts';

/** Checked permissions as a list of fresh one-entry objects. A list is checked as a list, so its messages name the list's limits. */
function parsePermissions(input: PermissionsInput): Permission[] {
  if (Array.isArray(input)) return parseInput(PermissionListSchema, input, 'permissions').map((p) => ({ ...p }));
  const entries = parseInput(PermissionsInputSchema, input, 'permissions') as Record<string, string>;
  return Object.entries(entries).map(([key, value]) => ({ [key]: value }));
}

/**
 * Sends a role write and applies it to the role cache once the API accepted it. When its
 * outcome is unknown (timeout, connection lost, unreadable answer: the service may have
 * applied it), the cache is marked stale so the next check re-fetches; a refusal (an HTTP
 * error status) changed nothing and leaves the cache as is.
 */
async function writeRoles<T>(
  state: HandleState,
  options: CallOptions | undefined,
  send: (ctx: EndpointContext, orgId: string) => Promise<Answered<T>>,
  edit: (value: T) => (roles: Role[]) => Role[],
): Promise<T> {
  const orgId = requireOrgId(state, 'roles');
  const cache = roleCacheOf(state);
  let answered: Answered<T>;
  try {
    answered = await send(state.context(options?.signal), orgId);
  } catch (error) {
    if (!(error instanceof HttpError)) cache.invalidate();
    throw error;
  }
  await cache.applyWrite(edit(answered.value), answered.edge);
  return answered.value;
}

/**
 * Creates a role. `POST /rbac/role`. The role cache and its store are updated at once. The
 * function form of `client.roles.addRole`.
 * @param auth a handle from {@link createHandle}.
 * @param name 1 to 256 characters.
 * @param permissions `[{ billing: "write" }, ...]` or `{ billing: "write", ... }`; 1 to 100.
 * @returns the new role, with its generated `rol_id`.
 * @throws ValidationError before any request; ConfigurationError without `orgId`; HttpError (422 malformed), TimeoutError, NetworkError, UnexpectedAnswerError.
 * @example
 * const editor = await addRole(auth, 'editor', { posts: 'write' });
 */
export async function addRole(
  auth: AuthLiteHandle,
  name: string,
  permissions: PermissionsInput,
  options?: CallOptions,
): Promise<AddRoleResponse> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  const validName = parseInput(RoleNameSchema, name, 'name');
  const list = parsePermissions(permissions);
  return writeRoles(state, options, (ctx, orgId) => createRole(ctx, orgId, validName, list), withRole);
}

/**
 * Deletes a role. `DELETE /rbac/role`. The function form of `client.roles.deleteRole`.
 * @param auth a handle from {@link createHandle}.
 * @returns the deleted role.
 * @throws ValidationError (role id form) before any request; ConfigurationError; HttpError (404 unknown role), TimeoutError, NetworkError, UnexpectedAnswerError.
 * @example
 * await deleteRole(auth, roleId);
 */
export async function deleteRole(auth: AuthLiteHandle, roleId: string, options?: CallOptions): Promise<DeleteRoleResponse> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  const id = parseInput(RoleIdSchema, roleId, 'roleId');
  return writeRoles(
    state,
    options,
    (ctx, orgId) => removeRoleById(ctx, orgId, id),
    () => withoutRole(id),
  );
}

/**
 * Adds permissions to a role. `POST /rbac/permission`. The function form of `client.roles.addPermission`.
 * @param auth a handle from {@link createHandle}.
 * @returns `{ org_id, rol_id, permissions }` with only the permissions added.
 * @throws ValidationError before any request; ConfigurationError; HttpError (404 unknown role), TimeoutError, NetworkError, UnexpectedAnswerError.
 * @example
 * await addPermission(auth, roleId, { billing: 'read' });
 */
export async function addPermission(
  auth: AuthLiteHandle,
  roleId: string,
  permissions: PermissionsInput,
  options?: CallOptions,
): Promise<AddPermissionResponse> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  const id = parseInput(RoleIdSchema, roleId, 'roleId');
  const list = parsePermissions(permissions);
  return writeRoles(
    state,
    options,
    (ctx, orgId) => addPermissions(ctx, orgId, id, list),
    (value) => withPermissions(id, value.permissions),
  );
}

/**
 * Removes permissions from a role. `DELETE /rbac/permission`. The function form of `client.roles.deletePermission`.
 * @param auth a handle from {@link createHandle}.
 * @returns `{ org_id, rol_id, permissions }` with every permission that remains.
 * @throws ValidationError before any request; ConfigurationError; HttpError (404 unknown role), TimeoutError, NetworkError, UnexpectedAnswerError.
 * @example
 * await deletePermission(auth, roleId, [{ billing: 'read' }]);
 */
export async function deletePermission(
  auth: AuthLiteHandle,
  roleId: string,
  permissions: PermissionsInput,
  options?: CallOptions,
): Promise<DeletePermissionResponse> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  const id = parseInput(RoleIdSchema, roleId, 'roleId');
  const list = parsePermissions(permissions);
  return writeRoles(
    state,
    options,
    (ctx, orgId) => removePermissions(ctx, orgId, id, list),
    (value) => withRemainingPermissions(id, value.permissions),
  );
}
