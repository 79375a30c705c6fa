/**
 * `@authlite/core`: the TrustAuthX client and what its methods take, answer and throw, as a
 * class (`AuthLiteClient`) or as tree-shakable functions over a handle (`createHandle`).
 * Valibot schemas are at `@authlite/core/schemas`, the role store kit for adapter authors at
 * `@authlite/core/store`, runtime detection at `@authlite/core/runtime`.
 * @module
 */
export type { AssignOptions, RoleChange, SignOffAssignOptions } from './assign/assign-options.ts';
export { AuthLiteClient } from './client/authlite-client.ts';
export { createHandle } from './client/create-handle.ts';
export { type EditUserUrlOptions, generateEditUserUrl, generateUrl } from './client/functions/login-urls.ts';
export { getAccessTokenFromRefreshToken } from './client/functions/refresh-token.ts';
export { type RevokeOptions, type RevokeTarget, revokeToken } from './client/functions/revoke-token.ts';
export { attachRole, removeRole, updateRole } from './client/functions/role-assignment.ts';
export { addPermission, addRole, deletePermission, deleteRole } from './client/functions/role-management.ts';
export { countRoles, getAllRoles, loadRoles, queryRoles, refreshRoles, validatePermission } from './client/functions/role-reads.ts';
export { getUser, getUserData, reAuth } from './client/functions/user-data.ts';
export { validateAccessToken } from './client/functions/validate-access-token.ts';
export { validateTokenSet } from './client/functions/validate-token-set.ts';
export type { AuthLiteHandle } from './client/handle.ts';
export * from './client/options.ts';
export { type TokenSetResult, withTokenSet } from './client/with-token-set.ts';
export {
  AnswerTooLargeError,
  AuthLiteError,
  type AuthLiteErrorCode,
  ConfigurationError,
  HttpError,
  InvalidSignedAnswerError,
  NetworkError,
  RedirectError,
  RefreshOutcomeUnknownError,
  type SignedAnswerRejection,
  TimeoutError,
  TokenSetInvalidError,
  UnexpectedAnswerError,
  ValidationError,
} from './errors/authlite-error.ts';
export { type AnyAuthLiteError, isAuthLiteError } from './errors/is-authlite-error.ts';
export type { RoleIndex } from './roles/role-index.ts';
export type { RoleSnapshot, RoleStore } from './roles/role-store.ts';
export type { PermissionsInput, Roles } from './roles/roles.ts';
export { type Clock, SYSTEM_CLOCK } from './runtime/clock.ts';
export type {
  AddPermissionResponse,
  AddRoleResponse,
  DeletePermissionResponse,
  DeleteRoleResponse,
  GetAllRolesResponse,
  Role,
  RoleAssignment,
  SignOffSessionReplace,
  TokenCheck,
  TokenPair,
} from './schemas/answers.ts';
export type { Permission } from './schemas/permission.ts';
export type { User, UserData } from './schemas/user.ts';
export type { CallOptions } from './shared/call-options.ts';
export type { RefreshCallOptions } from './tokens/refresh-options.ts';
export type { SharedGraceLifetime, SharedRefreshGrace } from './tokens/shared-refresh-grace.ts';
export { ANSWER_CAPS, DEFAULT_MAX_ROLE_LIST_BYTES } from './transport/answer-caps.ts';
