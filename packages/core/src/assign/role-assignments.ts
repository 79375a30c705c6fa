import type { EndpointContext } from '../endpoints/context.ts';
import { assignRoles } from '../endpoints/rbac.ts';
import { ValidationError } from '../errors/authlite-error.ts';
import type { RoleAssignment, SignOffSessionReplace } from '../schemas/answers.ts';
import { AssignOptionsSchema, RoleIdsSchema, UidSchema } from '../schemas/inputs.ts';
import { parseInput } from '../schemas/parse-input.ts';
import { pickKeys } from '../shared/pick-keys.ts';
import type { AssignOptions, SignOffAssignOptions } from './assign-options.ts';

/** What role assignment needs from its client. */
export interface AssignContext {
  context: (signal?: AbortSignal) => EndpointContext;
  /** The client's `orgId`; throws `ConfigurationError` when it has none. */
  orgId: () => string;
}

/**
 * Sends one role assignment (`POST /rbac/assign/permission`): which role ids a user gains and
 * loses, with or without sign-off (then both tokens are required). Checks every argument
 * before any request.
 * @throws ValidationError before any request; ConfigurationError without `orgId`; the errors of the call.
 */
export function assignUserRoles(
  client: AssignContext,
  uid: string,
  ids: { add: string[]; remove: string[] },
  options: AssignOptions | SignOffAssignOptions | undefined,
): Promise<SignOffSessionReplace | RoleAssignment> {
  const validUid = parseInput(UidSchema, uid, 'uid');
  const opts = parseInput(AssignOptionsSchema, pickKeys(options, 'signoffSessionAndAssign', 'accessToken', 'refreshToken'), 'options');
  let signoff: { accessToken: string; refreshToken: string } | undefined;
  if (opts?.signoffSessionAndAssign) {
    if (!opts.accessToken) throw new ValidationError('options.accessToken', 'an access token when signoffSessionAndAssign is true');
    if (!opts.refreshToken) throw new ValidationError('options.refreshToken', 'a refresh token when signoffSessionAndAssign is true');
    signoff = { accessToken: opts.accessToken, refreshToken: opts.refreshToken };
  }
  const orgId = client.orgId();
  return assignRoles(client.context(options?.signal), orgId, { uid: validUid, ...ids, signoff });
}

/** One role id or a non-empty list of them, checked and de-duplicated. @throws ValidationError naming `field`. */
export function parseRoleIds(ids: unknown, field: string): string[] {
  const valid = parseInput(RoleIdsSchema, ids, field);
  return [...new Set(Array.isArray(valid) ? valid : [valid])];
}
