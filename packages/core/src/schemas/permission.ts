import * as v from 'valibot';
import { boundedString } from './primitives.ts';

/** Longest permission key or value accepted, in characters. */
export const MAX_PERMISSION_PART = 256;

/** A permission key or value: 1 to 256 characters. */
export const permissionPart: v.GenericSchema<string> = /* @__PURE__ */ boundedString(MAX_PERMISSION_PART);

/**
 * A permission: a one-entry object `{ "<key>": "<value>" }`, for example `{ billing: "write" }`.
 * A role's permission list holds several of them; a check asks "does role R give key K the
 * value V". Source: the `permissions` arrays of the `/rbac/*` endpoints.
 */
export const PermissionSchema: v.GenericSchema<Record<string, string>> = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.record(permissionPart, permissionPart, 'an object { key: value }'),
  /* @__PURE__ */ v.check((input) => Object.keys(input).length === 1, 'a permission with exactly one key'),
);

/** See {@link PermissionSchema}. */
export type Permission = Readonly<Record<string, string>>;
