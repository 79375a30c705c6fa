import * as v from 'valibot';

/** Longest permission key or value accepted, in characters. */
export const MAX_PERMISSION_PART = 256;

const permissionPart = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PERMISSION_PART));

/**
 * A permission: a one-entry object `{ "<key>": "<value>" }`, for example `{ billing: "write" }`.
 * A role's permission list holds several of them; a check asks "does role R give key K the
 * value V". Source: the `permissions` arrays of the `/rbac/*` endpoints.
 */
export const PermissionSchema = v.pipe(
  v.record(permissionPart, permissionPart),
  v.check((input) => Object.keys(input).length === 1, 'exactly one key'),
);

/** See {@link PermissionSchema}. */
export type Permission = Readonly<Record<string, string>>;
