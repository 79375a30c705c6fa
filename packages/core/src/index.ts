export { AuthLiteClient } from './client/authlite-client.js';
export type { EditUserUrlOptions, RevokeOptions, RevokeTarget } from './client/authlite-client.js';
export type { AssignOptions, RoleChange, SignOffAssignOptions } from './assign/assign-options.js';
export type { CallOptions } from './shared/call-options.js';
export {
  DEFAULT_BASE_URL,
  DEFAULT_CLOCK_TOLERANCE_S,
  DEFAULT_MAX_AGE_S,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WIDGET_URL,
  type AuthLiteClientOptions,
} from './client/options.js';
export * from './errors/authlite-error.js';
export { ANSWER_CAPS, DEFAULT_MAX_ROLE_LIST_BYTES } from './transport/answer-caps.js';
export { Roles, type PermissionsInput } from './roles/roles-api.js';
export { RoleIndex } from './roles/role-index.js';
export { parseSnapshot, snapshotKey, SNAPSHOT_VERSION, type RoleSnapshot, type RoleStore } from './roles/role-store.js';
export * from './schemas/answers.js';
export { PermissionSchema, type Permission } from './schemas/permission.js';
export { UserClaimsSchema, UserDataSchema, type User, type UserData } from './schemas/user.js';
export { detectRuntime, isBrowserRuntime, type RuntimeName } from './runtime/detect-runtime.js';
