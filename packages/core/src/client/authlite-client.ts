import type { AssignOptions, RoleChange, SignOffAssignOptions } from '../assign/assign-options.ts';
import type { Roles } from '../roles/roles.ts';
import type { RoleAssignment, SignOffSessionReplace, TokenCheck, TokenPair } from '../schemas/answers.ts';
import type { User, UserData } from '../schemas/user.ts';
import type { CallOptions } from '../shared/call-options.ts';
import type { RefreshCallOptions } from '../tokens/refresh-options.ts';
import { createHandle } from './create-handle.ts';
import { type EditUserUrlOptions, generateEditUserUrl, generateUrl } from './functions/login-urls.ts';
import { getAccessTokenFromRefreshToken } from './functions/refresh-token.ts';
import { type RevokeOptions, type RevokeTarget, revokeToken } from './functions/revoke-token.ts';
import { attachRole, removeRole, updateRole } from './functions/role-assignment.ts';
import { getUser, getUserData, reAuth } from './functions/user-data.ts';
import { validateAccessToken } from './functions/validate-access-token.ts';
import { validateTokenSet } from './functions/validate-token-set.ts';
import type { AuthLiteHandle } from './handle.ts';
import type { AuthLiteClientOptions } from './options.ts';
import { RolesApi } from './roles-api.ts';

export type { EditUserUrlOptions, RevokeOptions, RevokeTarget };

/**
 * The TrustAuthX client: login, user data, token validation, refresh and revocation, role
 * assignment, and RBAC through {@link AuthLiteClient.roles}. Runs on `fetch` and WebCrypto
 * only (Workers, Deno, Bun, browsers, Node, Edge Runtime).
 *
 * A facade over the function API: each method is the function of the same name (see
 * {@link createHandle}) over the client's one handle, with the same checks and errors.
 *
 * Each client has its own keys, role cache and (by default) its own role store: two clients
 * in one process never see each other's roles. Credentials are kept in private fields and
 * never appear in an error, a log or an enumerable property.
 *
 * @throws ConfigurationError from the constructor when an option is invalid (naming the option).
 * In a browser page it also throws one (option `dangerouslyAllowBrowser`) unless that option is `true`.
 * An unknown option throws too, naming its near miss (`baseURL`: did you mean `baseUrl`?).
 * @example
 * const client = new AuthLiteClient({ apiKey: env.TRUSTAUTHX_API_KEY, secretKey: env.TRUSTAUTHX_SECRET_KEY, orgId: env.TRUSTAUTHX_ORG_ID });
 * const check = await client.validateTokenSet(access, refresh);
 */
export class AuthLiteClient {
  /** RBAC: remote role management and local permission checks. */
  readonly roles: Roles;

  /**
   * The handle this client runs on: pass it to the functions of the function API
   * (`validateAccessToken(client.handle, token)`) to share this client's caches and
   * single-flights. Opaque: it holds no readable option or credential.
   */
  get handle(): AuthLiteHandle {
    return this.#auth;
  }

  readonly #auth: AuthLiteHandle;

  constructor(options: AuthLiteClientOptions) {
    this.#auth = createHandle(options);
    this.roles = new RolesApi(this.#auth);
  }

  /**
   * The hosted login URL of the organisation: `<widgetUrl>?org_id=<orgId>`. No request is made.
   * After login the widget redirects to the organisation's callback with `?code=<login code>`.
   * @throws ConfigurationError when the client has no `orgId`.
   * @example
   * return Response.redirect(client.generateUrl(), 302);
   */
  generateUrl(): string {
    return generateUrl(this.#auth);
  }

  /**
   * The edit-profile page URL: `<baseUrl>/api/user/me/settings/?AccessToken=..&api_key=..&signed_key=..&url=<callbackUrl>`.
   * No request is made (async only because the signed key is computed with WebCrypto). After
   * editing, the browser comes back to `<callbackUrl>?code=<re-auth code>&ac=<bool>`; pass the
   * code to {@link AuthLiteClient.reAuth}.
   *
   * **Danger: this URL hands out the organisation's credentials.** By the service's design it
   * carries the organisation's `api_key` and `signed_key`, and the signed key never expires.
   * Whoever sees the URL (the user, the browser history, a browser extension, a proxy or
   * server log, a `Referer`) can call every organisation endpoint as the organisation, for
   * example `POST /rbac/assign/permission` to give themselves the admin role. It also carries
   * the user's access token. Hence the opt-in `{ dangerouslyExposeOrgCredentials: true }`.
   * If such a URL leaked: rotate the organisation's API key and secret key in the TrustAuthX
   * dashboard (the signed key changes with them), then revoke the user's tokens. See SECURITY.md.
   *
   * @param options `{ dangerouslyExposeOrgCredentials: true }`, required: without it nothing is built.
   * @throws ConfigurationError (option `dangerouslyExposeOrgCredentials`) unless that option is
   * `true`, before anything else; ValidationError for a bad token or a non-http(s) callback URL.
   * @example
   * const url = await client.generateEditUserUrl(session.access, 'https://app.example.com/profile/done', { dangerouslyExposeOrgCredentials: true });
   * return Response.redirect(url, 303);
   */
  async generateEditUserUrl(accessToken: string, callbackUrl: string, options: EditUserUrlOptions): Promise<string> {
    return generateEditUserUrl(this.#auth, accessToken, callbackUrl, options);
  }

  /**
   * Exchanges a login code (single use, from the widget's redirect) for the user.
   * `GET /api/user/me/auth/data?UserToken=<code>`; the signed answer is verified (HS256
   * pinned) before any claim is read. Not retried (the code is single-use).
   * @returns the flattened {@link User} (`sub` opened into `email` and `uid`, `scope` a list).
   * @throws ValidationError before any request; HttpError (e.g. 401 for a used or unknown code); InvalidSignedAnswerError; TimeoutError; NetworkError; UnexpectedAnswerError.
   * @example
   * // GET /callback?code=...
   * const user = await client.getUser(new URL(request.url).searchParams.get('code') ?? '');
   * session.save({ access: user.access_token, refresh: user.refresh_token, uid: user.uid });
   */
  async getUser(code: string, options?: CallOptions): Promise<User> {
    return getUser(this.#auth, code, options);
  }

  /**
   * Exchanges a re-auth code (single use, from the edit-profile redirect) for the updated user.
   * `GET /api/user/me/widget/re-auth/token?code=<code>`; verified like {@link AuthLiteClient.getUser}.
   * @throws as {@link AuthLiteClient.getUser}.
   * @example
   * const user = await client.reAuth(new URL(request.url).searchParams.get('code') ?? '');
   */
  async reAuth(code: string, options?: CallOptions): Promise<User> {
    return reAuth(this.#auth, code, options);
  }

  /**
   * The user data of an access token. `GET /api/user/me/data?AccessToken=<t>`; the signed
   * answer is verified (HS256 pinned). Retried on network errors and 408/429/5xx.
   * @returns the verified claims: at least `uid`, `email`, `img`.
   * @throws ValidationError; HttpError; InvalidSignedAnswerError; TimeoutError; NetworkError; UnexpectedAnswerError.
   * @example
   * const data = await client.getUserData(session.access);
   * const isAdmin = data.roles?.includes(adminRoleId) ?? false;
   */
  async getUserData(accessToken: string, options?: CallOptions): Promise<UserData> {
    return getUserData(this.#auth, accessToken, options);
  }

  /**
   * A new token pair for a refresh token (token rotation: the used refresh token stops
   * working). `GET /api/user/me/access/token/?RefreshToken=<t>`. Never retried, and
   * single-flight per refresh token: concurrent calls with the same token send one request
   * and all get the same new pair. A token this client rotated within `refreshGracePeriod`
   * seconds gives the pair it was rotated into, with no request (a second tab, or another
   * request on Workers, where a refresh under way in another request is waited for up to
   * `timeout` milliseconds); pass `waitUntil` on Workers (see {@link RefreshCallOptions}).
   * @returns `{ access_token, refresh_token }`.
   * @throws ValidationError; HttpError (401 for a used, revoked or expired refresh token);
   * RefreshOutcomeUnknownError when the request was sent but no answer came (timeout, lost
   * connection): the token may be rotated already, so it is not re-sent; NetworkError when
   * nothing was sent (connection refused, DNS); UnexpectedAnswerError.
   * @example
   * const pair = await client.getAccessTokenFromRefreshToken(session.refresh);
   * session.save({ access: pair.access_token, refresh: pair.refresh_token });
   */
  async getAccessTokenFromRefreshToken(refreshToken: string, options?: RefreshCallOptions): Promise<TokenPair> {
    return getAccessTokenFromRefreshToken(this.#auth, refreshToken, options);
  }

  /**
   * Is this access token valid now? `GET /api/user/me/auth/validate/token?AccessToken=<t>`.
   * `false` only when the service says the token is invalid (a 4xx other than 408/429);
   * a network failure, a timeout, 408, 429 or a 5xx throws instead (after retries).
   * Concurrent calls for one token share one request. With `validationCacheTtl`, a positive
   * result is reused for that many seconds (never past the token's `exp`).
   * @throws ValidationError; HttpError; TimeoutError; NetworkError.
   * @example
   * if (!(await client.validateAccessToken(accessToken))) return new Response('Unauthorized', { status: 401 });
   */
  async validateAccessToken(accessToken: string, options?: CallOptions): Promise<boolean> {
    return validateAccessToken(this.#auth, accessToken, options);
  }

  /**
   * Revokes an access token or a refresh token. `DELETE /api/user/me/token/`. With
   * `revokeAllTokens: true`, every token of that user ends. Never retried.
   * @returns the service's answer: `true` when revoked.
   * @throws ValidationError (not exactly one of the two tokens); HttpError; TimeoutError; NetworkError; UnexpectedAnswerError.
   * @example
   * await client.revokeToken({ refreshToken: session.refresh }, { revokeAllTokens: true }); // log out everywhere
   */
  async revokeToken(target: RevokeTarget, options?: RevokeOptions): Promise<boolean> {
    return revokeToken(this.#auth, target, options);
  }

  /**
   * Checks an access/refresh token pair and refreshes it when the access token is invalid.
   * `state: true`: the access token is valid, both tokens are returned unchanged.
   * `state: false`: the refresh token was used (rotation) and `access`/`refresh` are the new
   * pair to store. Calls `validate/token`, then `access/token/` when needed.
   * @throws TokenSetInvalidError when the refresh token is refused too (log in again);
   * ValidationError; HttpError, TimeoutError, NetworkError for failures (never mistaken for invalid tokens).
   * @example
   * const check = await client.validateTokenSet(session.access, session.refresh);
   * if (!check.state) session.save({ access: check.access, refresh: check.refresh }); // rotated
   */
  async validateTokenSet(accessToken: string, refreshToken: string, options?: RefreshCallOptions): Promise<TokenCheck> {
    return validateTokenSet(this.#auth, accessToken, refreshToken, options);
  }

  /**
   * Gives a user one or more roles; nothing is removed. `POST /rbac/assign/permission`.
   * @returns `{ uid, roles }`: every role id the user holds now; with sign-off a
   * {@link SignOffSessionReplace} `{ uid, access_token, refresh_token, role }` instead.
   * With `signoffSessionAndAssign: true` (both tokens required) the user's session ends and
   * the answer carries a new token pair with the new roles. Never retried.
   * @throws ValidationError (also when sign-off lacks a token: the Python client's ParseError); ConfigurationError without `orgId`; HttpError (404 unknown role or user); TimeoutError; NetworkError; UnexpectedAnswerError.
   * @example
   * const { roles } = await client.attachRole(uid, editorRoleId);
   * // With sign-off: the old session ends, store the new pair.
   * const next = await client.attachRole(uid, [editorRoleId], { signoffSessionAndAssign: true, accessToken, refreshToken });
   */
  attachRole(uid: string, roleIds: string | string[], options: SignOffAssignOptions): Promise<SignOffSessionReplace>;
  attachRole(uid: string, roleIds: string | string[], options?: AssignOptions): Promise<RoleAssignment>;
  async attachRole(
    uid: string,
    roleIds: string | string[],
    options?: AssignOptions | SignOffAssignOptions,
  ): Promise<SignOffSessionReplace | RoleAssignment> {
    return attachRole(this.#auth, uid, roleIds, options as AssignOptions);
  }

  /**
   * Takes one or more roles from a user; nothing is added. `POST /rbac/assign/permission`.
   * Sign-off as in {@link AuthLiteClient.attachRole}. @throws as {@link AuthLiteClient.attachRole}.
   * @example
   * const { roles } = await client.removeRole(uid, editorRoleId);
   */
  removeRole(uid: string, roleIds: string | string[], options: SignOffAssignOptions): Promise<SignOffSessionReplace>;
  removeRole(uid: string, roleIds: string | string[], options?: AssignOptions): Promise<RoleAssignment>;
  async removeRole(
    uid: string,
    roleIds: string | string[],
    options?: AssignOptions | SignOffAssignOptions,
  ): Promise<SignOffSessionReplace | RoleAssignment> {
    return removeRole(this.#auth, uid, roleIds, options as AssignOptions);
  }

  /**
   * Adds and removes roles of a user in one call. `POST /rbac/assign/permission`.
   * Sign-off as in {@link AuthLiteClient.attachRole}. @throws as {@link AuthLiteClient.attachRole}.
   * @example
   * const { roles } = await client.updateRole(uid, { add: adminRoleId, remove: [viewerRoleId] });
   */
  updateRole(uid: string, change: RoleChange, options: SignOffAssignOptions): Promise<SignOffSessionReplace>;
  updateRole(uid: string, change: RoleChange, options?: AssignOptions): Promise<RoleAssignment>;
  async updateRole(
    uid: string,
    change: RoleChange,
    options?: AssignOptions | SignOffAssignOptions,
  ): Promise<SignOffSessionReplace | RoleAssignment> {
    return updateRole(this.#auth, uid, change, options as AssignOptions);
  }
}
