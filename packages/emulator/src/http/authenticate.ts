import type { Context } from "hono";
import type { OrgState } from "../state/organisations.js";
import { verifySignedKey } from "../state/signing.js";
import type { World } from "../state/world.js";
import { ApiError } from "./api-error.js";
import { requireQuery } from "./query.js";

/**
 * Checks the `api_key` and `signed_key` query parameters and answers the
 * key's organisation. Missing → 422; unknown api_key → 401; signed_key that
 * does not verify (or names another api_key) → 403.
 */
export async function authenticate(c: Context, world: World): Promise<OrgState> {
  const apiKey = requireQuery(c, "api_key");
  const signedKey = requireQuery(c, "signed_key");
  const org = world.byApiKey.get(apiKey);
  if (!org) throw new ApiError(401, "Invalid api_key");
  if (!(await verifySignedKey(org, apiKey, signedKey))) {
    throw new ApiError(403, "signed_key does not verify for this api_key");
  }
  return org;
}

/** 403 unless `orgId` is the authenticated organisation's id. */
export function requireSameOrg(org: OrgState, orgId: string): void {
  if (orgId !== org.org_id) throw new ApiError(403, "org_id does not belong to this api_key");
}

/** The issuer of signed answers: the origin the request was sent to. */
export function issuerOf(c: Context): string {
  return new URL(c.req.url).origin;
}
