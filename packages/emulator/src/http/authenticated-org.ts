import type { Context } from 'hono';
import type { OrgState } from '../state/organisations.ts';

const authenticated = new WeakMap<Context, OrgState>();

/** Records that this request's `api_key` and `signed_key` verified for `org`. */
export function markAuthenticated(c: Context, org: OrgState): void {
  authenticated.set(c, org);
}

/** The organisation this request authenticated as, if it did. */
export function authenticatedOrg(c: Context): OrgState | undefined {
  return authenticated.get(c);
}
