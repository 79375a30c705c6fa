import * as v from 'valibot';
import { PermissionSchema } from './permission.ts';

/**
 * A role as TrustAuthX stores it. Source: `GET /rbac/role` (list), `POST /rbac/role`,
 * `DELETE /rbac/role`. Role ids look like `rol_<3 chars>_<16 hex>`.
 */
export const RoleSchema: v.ObjectSchema<
  {
    readonly org_id: v.StringSchema<undefined>;
    readonly rol_id: v.StringSchema<undefined>;
    readonly name: v.StringSchema<undefined>;
    readonly permissions: v.ArraySchema<typeof PermissionSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ v.object({
  org_id: /* @__PURE__ */ v.string(),
  rol_id: /* @__PURE__ */ v.string(),
  name: /* @__PURE__ */ v.string(),
  permissions: /* @__PURE__ */ v.array(PermissionSchema),
});
/** See {@link RoleSchema}. */
export type Role = v.InferOutput<typeof RoleSchema>;

/** Answer of `GET /rbac/role`: every role of the organisation. */
export const GetAllRolesResponseSchema: v.ArraySchema<typeof RoleSchema, undefined> = /* @__PURE__ */ v.array(RoleSchema);
/** See {@link GetAllRolesResponseSchema}. */
export type GetAllRolesResponse = v.InferOutput<typeof GetAllRolesResponseSchema>;

/** Answer of `POST /rbac/role`: the new role. */
export const AddRoleResponseSchema: typeof RoleSchema = RoleSchema;
/** See {@link AddRoleResponseSchema}. */
export type AddRoleResponse = Role;

/** Answer of `DELETE /rbac/role`: the deleted role. */
export const DeleteRoleResponseSchema: typeof RoleSchema = RoleSchema;
/** See {@link DeleteRoleResponseSchema}. */
export type DeleteRoleResponse = Role;

/** Answer of `POST /rbac/permission`: only the permissions that were added. */
export const AddPermissionResponseSchema: v.ObjectSchema<
  {
    readonly org_id: v.StringSchema<undefined>;
    readonly rol_id: v.StringSchema<undefined>;
    readonly permissions: v.ArraySchema<typeof PermissionSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ v.object({
  org_id: /* @__PURE__ */ v.string(),
  rol_id: /* @__PURE__ */ v.string(),
  permissions: /* @__PURE__ */ v.array(PermissionSchema),
});
/** See {@link AddPermissionResponseSchema}. */
export type AddPermissionResponse = v.InferOutput<typeof AddPermissionResponseSchema>;

/** Answer of `DELETE /rbac/permission`: every permission that remains on the role. */
export const DeletePermissionResponseSchema: typeof AddPermissionResponseSchema = AddPermissionResponseSchema;
/** See {@link DeletePermissionResponseSchema}. */
export type DeletePermissionResponse = AddPermissionResponse;

/**
 * Answer of `POST /rbac/assign/permission` with `signoff_session_and_assign: true`: the old
 * session was ended and a new token pair carries the new roles (`role`: role ids).
 */
export const SignOffSessionReplaceSchema: v.ObjectSchema<
  {
    readonly uid: v.StringSchema<undefined>;
    readonly access_token: v.StringSchema<undefined>;
    readonly refresh_token: v.StringSchema<undefined>;
    readonly role: v.ArraySchema<v.StringSchema<undefined>, undefined>;
  },
  undefined
> = /* @__PURE__ */ v.object({
  uid: /* @__PURE__ */ v.string(),
  access_token: /* @__PURE__ */ v.string(),
  refresh_token: /* @__PURE__ */ v.string(),
  role: /* @__PURE__ */ v.array(/* @__PURE__ */ v.string()),
});
/** See {@link SignOffSessionReplaceSchema}. */
export type SignOffSessionReplace = v.InferOutput<typeof SignOffSessionReplaceSchema>;

/**
 * Answer of `POST /rbac/assign/permission` without sign-off: the user and every role id the
 * user holds after the change. Further fields the service sends are kept as `unknown`.
 */
export const RoleAssignmentSchema: v.LooseObjectSchema<
  { readonly uid: v.StringSchema<undefined>; readonly roles: v.ArraySchema<v.StringSchema<undefined>, undefined> },
  undefined
> = /* @__PURE__ */ v.looseObject({
  uid: /* @__PURE__ */ v.string(),
  roles: /* @__PURE__ */ v.array(/* @__PURE__ */ v.string()),
});
/** See {@link RoleAssignmentSchema}. */
export type RoleAssignment = v.InferOutput<typeof RoleAssignmentSchema>;

/** Answer of `GET /api/user/me/access/token/`: a rotated token pair. */
export const TokenPairSchema: v.ObjectSchema<
  { readonly access_token: v.StringSchema<undefined>; readonly refresh_token: v.StringSchema<undefined> },
  undefined
> = /* @__PURE__ */ v.object({
  access_token: /* @__PURE__ */ v.string(),
  refresh_token: /* @__PURE__ */ v.string(),
});
/** See {@link TokenPairSchema}. */
export type TokenPair = v.InferOutput<typeof TokenPairSchema>;

/** Answer of `DELETE /api/user/me/token/`: whether something was revoked. */
export const RevokeResponseSchema: v.BooleanSchema<undefined> = /* @__PURE__ */ v.boolean();

/**
 * Result of `validateTokenSet`. `state: true`: the access token is valid and both tokens
 * are returned unchanged. `state: false`: the access token was invalid, the refresh token
 * was used, and `access`/`refresh` are the new, rotated pair to store.
 */
export const TokenCheckSchema: v.ObjectSchema<
  { readonly state: v.BooleanSchema<undefined>; readonly access: v.StringSchema<undefined>; readonly refresh: v.StringSchema<undefined> },
  undefined
> = /* @__PURE__ */ v.object({
  state: /* @__PURE__ */ v.boolean(),
  access: /* @__PURE__ */ v.string(),
  refresh: /* @__PURE__ */ v.string(),
});
/** See {@link TokenCheckSchema}. */
export type TokenCheck = v.InferOutput<typeof TokenCheckSchema>;
