import * as v from 'valibot';
import { PermissionSchema, permissionPart } from './permission.ts';
import { boundedString, httpUrl, optionalFlag, visibleAscii } from './primitives.ts';

/** A schema whose key may be missing or `undefined`, else holds a `T`. */
type Optional<T> = v.OptionalSchema<v.GenericSchema<T>, undefined>;
/** An optional options object with these entries. */
type OptionalObject<Entries extends v.ObjectEntries> = v.OptionalSchema<v.ObjectSchema<Entries, undefined>, undefined>;

/** Longest token, code or key accepted as an argument, in characters. */
export const MAX_TOKEN_LENGTH = 8192;

/** An access token, refresh token, login code or re-auth code: 1 to 8192 printable ASCII characters. */
export const TokenSchema: v.GenericSchema<string> = /* @__PURE__ */ visibleAscii(MAX_TOKEN_LENGTH);

/** A user id (`uid`): 1 to 256 printable ASCII characters. */
export const UidSchema: v.GenericSchema<string> = /* @__PURE__ */ visibleAscii(256);

/** The form of a role id, for hot paths that test it before (or instead of) parsing with {@link RoleIdSchema}. */
export const ROLE_ID_PATTERN: RegExp = /^rol_[A-Za-z0-9]{3}_[a-f0-9]{16}$/;

/** A role id: `rol_` + 3 letters or digits + `_` + 16 lowercase hex, e.g. `rol_gCD_ebc6f7715bb14554`. */
export const RoleIdSchema: v.GenericSchema<string> = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string('a string'),
  /* @__PURE__ */ v.check((input) => ROLE_ID_PATTERN.test(input), 'a role id of the form rol_XXX_<16 hex>'),
);

/** Most role ids one assignment may name. */
export const MAX_ROLE_IDS = 100;

/** A non-empty list of at most 100 role ids; its type message also covers the single id. */
const RoleIdListSchema = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.array(RoleIdSchema, 'a role id or a non-empty list of role ids'),
  /* @__PURE__ */ v.minLength(1, 'a non-empty list of role ids'),
  /* @__PURE__ */ v.maxLength(MAX_ROLE_IDS, 'at most 100 role ids'),
);

/** One role id (a string) or a non-empty list of at most 100 role ids (anything else). */
export const RoleIdsSchema: v.GenericSchema<string | string[]> = /* @__PURE__ */ v.lazy((input) =>
  typeof input === 'string' ? RoleIdSchema : RoleIdListSchema,
);

/** A role name: 1 to 256 characters. */
export const RoleNameSchema: v.GenericSchema<string> = /* @__PURE__ */ boundedString(256);

/** Permissions as a list of one-entry objects: 1 to 100. */
export const PermissionListSchema: v.GenericSchema<Record<string, string>[]> = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.array(PermissionSchema, 'a list of permissions'),
  /* @__PURE__ */ v.minLength(1, 'at least one permission'),
  /* @__PURE__ */ v.maxLength(100, 'at most 100 permissions'),
);

/** Permissions as one object of 1 to 100 entries; its type message also covers the list form. */
const PermissionEntriesSchema = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.record(permissionPart, permissionPart, 'a list of permissions or an object of permission entries'),
  /* @__PURE__ */ v.check((input) => Object.keys(input).length >= 1 && Object.keys(input).length <= 100, '1 to 100 permission entries'),
);

/**
 * Permissions as an argument: a list of one-entry objects (`[{ billing: "write" }]`), or one
 * object whose entries are each a permission (`{ billing: "write", reports: "read" }`).
 * At least one, at most 100.
 */
export const PermissionsInputSchema: v.GenericSchema<Record<string, string>[] | Record<string, string>> = /* @__PURE__ */ v.lazy((input) =>
  Array.isArray(input) ? PermissionListSchema : PermissionEntriesSchema,
);

/** A URL with an http or https scheme, at most 2048 characters. */
export const CallbackUrlSchema: v.GenericSchema<string> = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string('a string'),
  /* @__PURE__ */ v.maxLength(2048, 'at most 2048 characters'),
  httpUrl,
);

/** Options of the role assignment methods, as the Python client names them. */
export const AssignOptionsSchema: OptionalObject<{
  readonly signoffSessionAndAssign: Optional<boolean>;
  readonly accessToken: Optional<string>;
  readonly refreshToken: Optional<string>;
}> = /* @__PURE__ */ v.optional(
  /* @__PURE__ */ v.object({
    signoffSessionAndAssign: optionalFlag,
    accessToken: /* @__PURE__ */ v.optional(TokenSchema),
    refreshToken: /* @__PURE__ */ v.optional(TokenSchema),
  }),
);

/** Options of `revokeToken`. */
export const RevokeOptionsSchema: OptionalObject<{ readonly revokeAllTokens: Optional<boolean> }> = /* @__PURE__ */ v.optional(
  /* @__PURE__ */ v.object({ revokeAllTokens: optionalFlag }),
);

/** The two shapes of a revoke target. */
type RevokeTarget = { accessToken: string } | { refreshToken: string };
const AccessTokenTarget = /* @__PURE__ */ v.object({ accessToken: TokenSchema });
const RefreshTokenTarget = /* @__PURE__ */ v.object({ refreshToken: TokenSchema });

/** Which token `revokeToken` revokes: exactly one of the two. */
export const RevokeTargetSchema: v.GenericSchema<RevokeTarget> = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.custom<RevokeTarget>(
    // One own key, and it is one of the two.
    (input) => typeof input === 'object' && input !== null && /^(access|refresh)Token$/.test(Object.keys(input).join()),
    'an object with exactly one of accessToken or refreshToken',
  ),
  /* @__PURE__ */ v.lazy((input) => ('accessToken' in (input as RevokeTarget) ? AccessTokenTarget : RefreshTokenTarget)),
);
