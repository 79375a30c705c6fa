import * as v from 'valibot';
import { boundedString, PermissionSchema, permissionPart } from './permission.js';

/** Longest token, code or key accepted as an argument, in characters. */
export const MAX_TOKEN_LENGTH = 8192;

/** Printable ASCII with no spaces: every token, code and key TrustAuthX issues. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** 1 to `max` printable ASCII characters without spaces. */
const visibleAscii = (max: number) => v.pipe(boundedString(max), v.regex(VISIBLE_ASCII, 'printable ASCII without spaces'));

/** An access token, refresh token, login code or re-auth code: 1 to 8192 printable ASCII characters. */
export const TokenSchema = /* @__PURE__ */ visibleAscii(MAX_TOKEN_LENGTH);

/** A user id (`uid`): 1 to 256 printable ASCII characters. */
export const UidSchema = /* @__PURE__ */ visibleAscii(256);

/** The form of a role id, for hot paths that test it before (or instead of) parsing with {@link RoleIdSchema}. */
export const ROLE_ID_PATTERN = /^rol_[A-Za-z0-9]{3}_[a-f0-9]{16}$/;

/** A role id: `rol_` + 3 letters or digits + `_` + 16 lowercase hex, e.g. `rol_gCD_ebc6f7715bb14554`. */
export const RoleIdSchema = /* @__PURE__ */ v.pipe(
  v.string('a string'),
  v.regex(ROLE_ID_PATTERN, 'a role id of the form rol_XXX_<16 hex>'),
);

/** Most role ids one assignment may name. */
export const MAX_ROLE_IDS = 100;

/** One role id or a non-empty list of at most 100 role ids. */
export const RoleIdsSchema = /* @__PURE__ */ v.union(
  [
    RoleIdSchema,
    v.pipe(
      v.array(RoleIdSchema, 'a list of role ids'),
      v.minLength(1, 'a non-empty list of role ids'),
      v.maxLength(MAX_ROLE_IDS, `at most ${MAX_ROLE_IDS} role ids`),
    ),
  ],
  'a role id or a non-empty list of role ids',
);

/** A role name: 1 to 256 characters. */
export const RoleNameSchema = /* @__PURE__ */ boundedString(256);

/** Permissions as a list of one-entry objects: 1 to 100. */
export const PermissionListSchema = /* @__PURE__ */ v.pipe(
  v.array(PermissionSchema, 'a list of permissions'),
  v.minLength(1, 'at least one permission'),
  v.maxLength(100, 'at most 100 permissions'),
);

/**
 * Permissions as an argument: a list of one-entry objects (`[{ billing: "write" }]`), or one
 * object whose entries are each a permission (`{ billing: "write", reports: "read" }`).
 * At least one, at most 100.
 */
export const PermissionsInputSchema = /* @__PURE__ */ v.union(
  [
    PermissionListSchema,
    v.pipe(
      v.record(permissionPart, permissionPart, 'an object of permission entries'),
      v.check((input) => Object.keys(input).length >= 1 && Object.keys(input).length <= 100, '1 to 100 permission entries'),
    ),
  ],
  'a list of one-entry permission objects, or an object of permission entries',
);

/** A URL with an http or https scheme. */
export const CallbackUrlSchema = /* @__PURE__ */ v.pipe(
  v.string('a string'),
  v.maxLength(2048, 'at most 2048 characters'),
  v.url('an absolute URL'),
  v.check((input) => /^https?:/i.test(input), 'an http or https URL'),
);

/** Options of the role assignment methods, as the Python client names them. */
export const AssignOptionsSchema = /* @__PURE__ */ v.optional(
  v.object({
    signoffSessionAndAssign: v.optional(v.boolean('a boolean')),
    accessToken: v.optional(TokenSchema),
    refreshToken: v.optional(TokenSchema),
  }),
);

/** Options of `revokeToken`. */
export const RevokeOptionsSchema = /* @__PURE__ */ v.optional(v.object({ revokeAllTokens: v.optional(v.boolean('a boolean')) }));

/** Which token `revokeToken` revokes: exactly one of the two. */
export const RevokeTargetSchema = /* @__PURE__ */ v.union(
  [v.strictObject({ accessToken: TokenSchema }), v.strictObject({ refreshToken: TokenSchema })],
  'an object with exactly one of accessToken or refreshToken',
);
