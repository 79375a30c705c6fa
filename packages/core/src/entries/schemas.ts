/**
 * `@authlite/core/schemas`: the valibot schemas of every answer the SDK reads and every
 * argument it checks, for code that validates TrustAuthX data itself (a proxy, a test). The
 * client uses them already; most applications need only the types of the root entry.
 * @module
 */
export {
  AddPermissionResponseSchema,
  AddRoleResponseSchema,
  DeletePermissionResponseSchema,
  DeleteRoleResponseSchema,
  GetAllRolesResponseSchema,
  RevokeResponseSchema,
  RoleAssignmentSchema,
  RoleSchema,
  SignOffSessionReplaceSchema,
  TokenCheckSchema,
  TokenPairSchema,
} from '../schemas/answers.ts';
export {
  CallbackUrlSchema,
  MAX_ROLE_IDS,
  MAX_TOKEN_LENGTH,
  PermissionListSchema,
  PermissionsInputSchema,
  ROLE_ID_PATTERN,
  RoleIdSchema,
  RoleIdsSchema,
  RoleNameSchema,
  TokenSchema,
  UidSchema,
} from '../schemas/inputs.ts';
export { MAX_PERMISSION_PART, PermissionSchema } from '../schemas/permission.ts';
export { UserClaimsSchema, UserDataSchema } from '../schemas/user.ts';
