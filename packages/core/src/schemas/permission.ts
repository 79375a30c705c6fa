import * as v from 'valibot';

/** Longest permission key or value accepted, in characters. */
export const MAX_PERMISSION_PART = 256;

/** A permission key or value: 1 to 256 characters. */
export const permissionPart = v.pipe(
  v.string('a string'),
  v.minLength(1, 'a non-empty string'),
  v.maxLength(MAX_PERMISSION_PART, `at most ${MAX_PERMISSION_PART} characters`),
);

/**
 * A permission: a one-entry object `{ "<key>": "<value>" }`, for example `{ billing: "write" }`.
 * A role's permission list holds several of them; a check asks "does role R give key K the
 * value V". Source: the `permissions` arrays of the `/rbac/*` endpoints.
 */
export const PermissionSchema = v.pipe(
  v.record(permissionPart, permissionPart, 'an object { key: value }'),
  v.check((input) => Object.keys(input).length === 1, 'a permission with exactly one key'),
);

/** See {@link PermissionSchema}. */
export type Permission = Readonly<Record<string, string>>;
