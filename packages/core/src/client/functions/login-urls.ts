import { ConfigurationError } from '../../errors/authlite-error.ts';
import { CallbackUrlSchema, TokenSchema } from '../../schemas/inputs.ts';
import { parseInput } from '../../schemas/parse-input.ts';
import { refuseUnknownKeys } from '../../shared/known-keys.ts';
import { type AuthLiteHandle, requireOrgId, stateOf } from '../handle.ts';

/**
 * The required opt-in of `generateEditUserUrl`: the URL it builds carries the organisation's
 * `api_key` and never-expiring `signed_key` (see its TSDoc and SECURITY.md).
 */
export interface EditUserUrlOptions {
  /** Must be `true`: you accept that whoever sees the URL can act as the organisation. */
  dangerouslyExposeOrgCredentials: true;
}

/**
 * The hosted login URL of the organisation: `<widgetUrl>?org_id=<orgId>`. No request is made.
 * After login the widget redirects to the organisation's callback with `?code=<login code>`.
 * The function form of `AuthLiteClient.generateUrl`.
 * @param auth a handle from {@link createHandle}.
 * @throws ConfigurationError when the handle has no `orgId`; ValidationError when `auth` is not a handle.
 * @example
 * return Response.redirect(generateUrl(auth), 302);
 */
export function generateUrl(auth: AuthLiteHandle): string {
  const state = stateOf(auth);
  const url = new URL(state.options.widgetUrl);
  url.searchParams.set('org_id', requireOrgId(state, 'generateUrl'));
  return url.toString();
}

/**
 * The edit-profile page URL: `<baseUrl>/api/user/me/settings/?AccessToken=..&api_key=..&signed_key=..&url=<callbackUrl>`.
 * No request is made (async only because the signed key is computed with WebCrypto). After
 * editing, the browser comes back to `<callbackUrl>?code=<re-auth code>&ac=<bool>`; pass the
 * code to {@link reAuth}.
 *
 * **Danger: this URL hands out the organisation's credentials**: its `api_key` and its
 * never-expiring `signed_key`, and the user's access token. Whoever sees the URL can call every
 * organisation endpoint as the organisation. Hence the opt-in; see
 * `AuthLiteClient.generateEditUserUrl` and SECURITY.md for what to do if one leaked.
 * The function form of `AuthLiteClient.generateEditUserUrl`.
 *
 * @param auth a handle from {@link createHandle}.
 * @param options `{ dangerouslyExposeOrgCredentials: true }`, required: without it nothing is built.
 * @throws ConfigurationError (option `dangerouslyExposeOrgCredentials`) unless that option is
 * `true`, before anything else; ValidationError for a bad token or a non-http(s) callback URL.
 * @example
 * const url = await generateEditUserUrl(auth, session.access, 'https://app.example.com/profile/done', { dangerouslyExposeOrgCredentials: true });
 */
export async function generateEditUserUrl(
  auth: AuthLiteHandle,
  accessToken: string,
  callbackUrl: string,
  options: EditUserUrlOptions,
): Promise<string> {
  const state = stateOf(auth);
  refuseUnknownKeys(options, ['dangerouslyExposeOrgCredentials']);
  if ((options as Partial<EditUserUrlOptions> | undefined)?.dangerouslyExposeOrgCredentials !== true) {
    throw new ConfigurationError(
      'dangerouslyExposeOrgCredentials',
      "the URL carries the organisation's api_key and never-expiring signed_key: pass { dangerouslyExposeOrgCredentials: true } (see SECURITY.md)",
    );
  }
  const token = parseInput(TokenSchema, accessToken, 'accessToken');
  const callback = parseInput(CallbackUrlSchema, callbackUrl, 'callbackUrl');
  const { apiKey, signedKey } = await state.credentials.wire();
  const url = new URL(`${state.options.baseUrl}/api/user/me/settings/`);
  url.search = new URLSearchParams({ AccessToken: token, api_key: apiKey, signed_key: signedKey, url: callback }).toString();
  return url.toString();
}
