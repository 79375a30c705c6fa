/**
 * `@authlite/core`: the TrustAuthX client and what its methods take, answer and throw.
 * Valibot schemas are at `@authlite/core/schemas`, the role store kit for adapter authors at
 * `@authlite/core/store`, runtime detection at `@authlite/core/runtime`.
 * @module
 */
export type { AssignOptions, RoleChange, SignOffAssignOptions } from './assign/assign-options.js';
export { AuthLiteClient, type EditUserUrlOptions, type RevokeOptions, type RevokeTarget } from './client/authlite-client.js';
export * from './client/options.js';
export { type TokenSetResult, withTokenSet } from './client/with-token-set.js';
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
} from './errors/authlite-error.js';
export { type AnyAuthLiteError, isAuthLiteError } from './errors/is-authlite-error.js';
export type { RoleIndex } from './roles/role-index.js';
export type { RoleSnapshot, RoleStore } from './roles/role-store.js';
export type { PermissionsInput, Roles } from './roles/roles.js';
export { type Clock, SYSTEM_CLOCK } from './runtime/clock.js';
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
} from './schemas/answers.js';
export type { Permission } from './schemas/permission.js';
export type { User, UserData } from './schemas/user.js';
export type { CallOptions } from './shared/call-options.js';
export type { RefreshCallOptions } from './tokens/refresh-options.js';
export type { SharedGraceLifetime, SharedRefreshGrace } from './tokens/shared-refresh-grace.js';
export { ANSWER_CAPS, DEFAULT_MAX_ROLE_LIST_BYTES } from './transport/answer-caps.js';
