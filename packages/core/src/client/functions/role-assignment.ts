import type { AssignOptions, RoleChange, SignOffAssignOptions } from '../../assign/assign-options.ts';
import { type AssignContext, assignUserRoles, parseRoleIds } from '../../assign/role-assignments.ts';
import { ValidationError } from '../../errors/authlite-error.ts';
import type { RoleAssignment, SignOffSessionReplace } from '../../schemas/answers.ts';
import { type AuthLiteHandle, requireOrgId, stateOf } from '../handle.ts';

function assignContext(auth: AuthLiteHandle): AssignContext {
  const state = stateOf(auth);
  return { context: state.context, orgId: () => requireOrgId(state, 'roles') };
}

/**
 * Gives a user one or more roles; nothing is removed. `POST /rbac/assign/permission`.
 * With `signoffSessionAndAssign: true` (both tokens required) the user's session ends and
 * the answer carries a new token pair with the new roles. Never retried. The function form of
 * `AuthLiteClient.attachRole`.
 * @param auth a handle from {@link createHandle}.
 * @returns `{ uid, roles }`: every role id the user holds now; with sign-off a
 * {@link SignOffSessionReplace} `{ uid, access_token, refresh_token, role }` instead.
 * @throws ValidationError before any request (also when sign-off lacks a token); ConfigurationError without `orgId`; HttpError (404 unknown role or user); TimeoutError; NetworkError; UnexpectedAnswerError.
 * @example
 * const { roles } = await attachRole(auth, uid, editorRoleId);
 */
export function attachRole(
  auth: AuthLiteHandle,
  uid: string,
  roleIds: string | string[],
  options: SignOffAssignOptions,
): Promise<SignOffSessionReplace>;
export function attachRole(auth: AuthLiteHandle, uid: string, roleIds: string | string[], options?: AssignOptions): Promise<RoleAssignment>;
export async function attachRole(
  auth: AuthLiteHandle,
  uid: string,
  roleIds: string | string[],
  options?: AssignOptions | SignOffAssignOptions,
): Promise<SignOffSessionReplace | RoleAssignment> {
  const client = assignContext(auth);
  return assignUserRoles(client, uid, { add: parseRoleIds(roleIds, 'roleIds'), remove: [] }, options);
}

/**
 * Takes one or more roles from a user; nothing is added. `POST /rbac/assign/permission`.
 * Sign-off as in {@link attachRole}. The function form of `AuthLiteClient.removeRole`.
 * @param auth a handle from {@link createHandle}.
 * @throws as {@link attachRole}.
 * @example
 * const { roles } = await removeRole(auth, uid, editorRoleId);
 */
export function removeRole(
  auth: AuthLiteHandle,
  uid: string,
  roleIds: string | string[],
  options: SignOffAssignOptions,
): Promise<SignOffSessionReplace>;
export function removeRole(auth: AuthLiteHandle, uid: string, roleIds: string | string[], options?: AssignOptions): Promise<RoleAssignment>;
export async function removeRole(
  auth: AuthLiteHandle,
  uid: string,
  roleIds: string | string[],
  options?: AssignOptions | SignOffAssignOptions,
): Promise<SignOffSessionReplace | RoleAssignment> {
  const client = assignContext(auth);
  return assignUserRoles(client, uid, { add: [], remove: parseRoleIds(roleIds, 'roleIds') }, options);
}

/**
 * Adds and removes roles of a user in one call. `POST /rbac/assign/permission`.
 * Sign-off as in {@link attachRole}. The function form of `AuthLiteClient.updateRole`.
 * @param auth a handle from {@link createHandle}.
 * @throws as {@link attachRole}.
 * @example
 * const { roles } = await updateRole(auth, uid, { add: adminRoleId, remove: [viewerRoleId] });
 */
export function updateRole(
  auth: AuthLiteHandle,
  uid: string,
  change: RoleChange,
  options: SignOffAssignOptions,
): Promise<SignOffSessionReplace>;
export function updateRole(auth: AuthLiteHandle, uid: string, change: RoleChange, options?: AssignOptions): Promise<RoleAssignment>;
export async function updateRole(
  auth: AuthLiteHandle,
  uid: string,
  change: RoleChange,
  options?: AssignOptions | SignOffAssignOptions,
): Promise<SignOffSessionReplace | RoleAssignment> {
  const client = assignContext(auth);
  if (typeof change !== 'object' || change === null) throw new ValidationError('change', 'an object { add, remove }');
  return assignUserRoles(
    client,
    uid,
    { add: parseRoleIds(change.add, 'change.add'), remove: parseRoleIds(change.remove, 'change.remove') },
    options,
  );
}
