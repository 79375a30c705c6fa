import type { Context } from 'hono';
import type { OrgState } from '../state/organisations.ts';
import { verifySignedKey } from '../state/signing.ts';
import type { World } from '../state/world.ts';
import { ApiError } from './api-error.ts';
import { markAuthenticated } from './authenticated-org.ts';
import { requireQuery } from './query.ts';

/**
 * Checks the `api_key` and `signed_key` query parameters and answers the
 * key's organisation. Missing → 422; unknown api_key → 401; signed_key that
 * does not verify (or names another api_key) → 403. Marks the request authenticated
 * (so its answer carries `X-EDGE`).
 */
export async function authenticate(c: Context, world: World): Promise<OrgState> {
  const apiKey = requireQuery(c, 'api_key');
  const signedKey = requireQuery(c, 'signed_key');
  const org = world.byApiKey.get(apiKey);
  if (!org) throw new ApiError(401, 'Invalid api_key');
  if (!(await verifySignedKey(org, apiKey, signedKey))) {
    throw new ApiError(403, 'signed_key does not verify for this api_key');
  }
  markAuthenticated(c, org);
  return org;
}

/**
 * The organisation whose `api_key` and `signed_key` this request carries, when both
 * verify; undefined otherwise. Never throws.
 */
export async function tryAuthenticate(c: Context, world: World): Promise<OrgState | undefined> {
  const apiKey = c.req.query('api_key');
  const signedKey = c.req.query('signed_key');
  if (!apiKey || !signedKey) return undefined;
  const org = world.byApiKey.get(apiKey);
  if (!org || !(await verifySignedKey(org, apiKey, signedKey))) return undefined;
  markAuthenticated(c, org);
  return org;
}

/** 403 unless `orgId` is the authenticated organisation's id. */
export function requireSameOrg(org: OrgState, orgId: string): void {
  if (orgId !== org.org_id) throw new ApiError(403, 'org_id does not belong to this api_key');
}

/** The issuer of signed answers: the origin the request was sent to. */
export function issuerOf(c: Context): string {
  return new URL(c.req.url).origin;
}
