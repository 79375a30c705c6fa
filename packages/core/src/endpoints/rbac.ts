import type * as v from 'valibot';
import {
  type AddPermissionResponse,
  AddPermissionResponseSchema,
  AddRoleResponseSchema,
  type DeletePermissionResponse,
  DeletePermissionResponseSchema,
  DeleteRoleResponseSchema,
  GetAllRolesResponseSchema,
  type Role,
  type RoleAssignment,
  RoleAssignmentSchema,
  type SignOffSessionReplace,
  SignOffSessionReplaceSchema,
} from '../schemas/answers.ts';
import type { Permission } from '../schemas/permission.ts';
import { ANSWER_CAPS } from '../transport/answer-caps.ts';
import { NO_RETRY, SAFE_RETRY } from '../transport/retry-policy.ts';
import type { WireRequest } from '../transport/transport.ts';
import type { Answered, EndpointContext } from './context.ts';
import { expectShape } from './expect-shape.ts';

const ROLE_PATH = '/rbac/role';
const PERMISSION_PATH = '/rbac/permission';
const ASSIGN_PATH = '/rbac/assign/permission';

async function rbac<S extends v.GenericSchema>(
  ctx: EndpointContext,
  orgId: string,
  request: Omit<WireRequest, 'query' | 'signal' | 'maxBytes'> & { maxBytes?: number },
  schema: S,
): Promise<Answered<v.InferOutput<S>>> {
  const answer = await ctx.transport.send({ maxBytes: ANSWER_CAPS.roleWrite, ...request, query: { org_id: orgId }, signal: ctx.signal });
  return { value: expectShape(schema, answer.body, request.path), edge: answer.edge };
}

/** `GET /rbac/role`: every role of the organisation, with the answer's `X-EDGE` count. */
export function listRoles(ctx: EndpointContext, orgId: string): Promise<Answered<Role[]>> {
  return rbac(
    ctx,
    orgId,
    { method: 'GET', path: ROLE_PATH, retry: SAFE_RETRY, returnsEdge: true, maxBytes: ctx.maxRoleListBytes },
    GetAllRolesResponseSchema,
  );
}

/** `POST /rbac/role` with `{org_id, name, permissions}`: the new role. */
export function createRole(ctx: EndpointContext, orgId: string, name: string, permissions: Permission[]): Promise<Answered<Role>> {
  return rbac(
    ctx,
    orgId,
    { method: 'POST', path: ROLE_PATH, json: { org_id: orgId, name, permissions }, retry: NO_RETRY, returnsEdge: true },
    AddRoleResponseSchema,
  );
}

/** `DELETE /rbac/role` with `{org_id, rol_id}`: the deleted role. */
export function removeRoleById(ctx: EndpointContext, orgId: string, roleId: string): Promise<Answered<Role>> {
  return rbac(
    ctx,
    orgId,
    { method: 'DELETE', path: ROLE_PATH, json: { org_id: orgId, rol_id: roleId }, retry: NO_RETRY, returnsEdge: true },
    DeleteRoleResponseSchema,
  );
}

/** `POST /rbac/permission` with `{org_id, rol_id, permissions}`: only the added permissions. */
export function addPermissions(
  ctx: EndpointContext,
  orgId: string,
  roleId: string,
  permissions: Permission[],
): Promise<Answered<AddPermissionResponse>> {
  return rbac(
    ctx,
    orgId,
    { method: 'POST', path: PERMISSION_PATH, json: { org_id: orgId, rol_id: roleId, permissions }, retry: NO_RETRY, returnsEdge: true },
    AddPermissionResponseSchema,
  );
}

/** `DELETE /rbac/permission` with `{org_id, rol_id, permissions}`: every permission that remains. */
export function removePermissions(
  ctx: EndpointContext,
  orgId: string,
  roleId: string,
  permissions: Permission[],
): Promise<Answered<DeletePermissionResponse>> {
  return rbac(
    ctx,
    orgId,
    { method: 'DELETE', path: PERMISSION_PATH, json: { org_id: orgId, rol_id: roleId, permissions }, retry: NO_RETRY, returnsEdge: true },
    DeletePermissionResponseSchema,
  );
}

/** The body of `POST /rbac/assign/permission`. */
export interface AssignBody {
  uid: string;
  add: string[];
  remove: string[];
  signoff: { accessToken: string; refreshToken: string } | undefined;
}

/**
 * `POST /rbac/assign/permission`: adds `rol_id` ids, removes `inplace` ids. With sign-off the
 * old session ends and the answer is a {@link SignOffSessionReplace}; else a role assignment.
 */
export async function assignRoles(ctx: EndpointContext, orgId: string, body: AssignBody): Promise<SignOffSessionReplace | RoleAssignment> {
  const { signoff } = body;
  const request = {
    method: 'POST' as const,
    path: ASSIGN_PATH,
    json: {
      uid: body.uid,
      rol_id: body.add,
      inplace: body.remove,
      signoff_session_and_assign: signoff !== undefined,
      AccessToken: signoff?.accessToken ?? null,
      RefreshToken: signoff?.refreshToken ?? null,
    },
    retry: NO_RETRY,
    secrets: signoff ? [signoff.accessToken, signoff.refreshToken] : [],
  };
  const answered = signoff
    ? await rbac(ctx, orgId, request, SignOffSessionReplaceSchema)
    : await rbac(ctx, orgId, request, RoleAssignmentSchema);
  return answered.value;
}
