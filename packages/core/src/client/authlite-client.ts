import { MemoryRoleStore } from '@authlite/store-memory';
import * as v from 'valibot';
import {
  ConfigurationError,
  HttpError,
  NetworkError,
  RefreshOutcomeUnknownError,
  TimeoutError,
  TokenSetInvalidError,
  ValidationError,
} from '../errors/authlite-error.js';
import type { EndpointContext } from '../endpoints/context.js';
import { assignRoles } from '../endpoints/rbac.js';
import { listRoles } from '../endpoints/rbac.js';
import { checkAccessToken, refreshTokens, revoke } from '../endpoints/token.js';
import { fetchUserByLoginCode, fetchUserByReAuthCode, fetchUserData } from '../endpoints/user.js';
import { importHmacKey } from '../jws/hmac-key.js';
import { computeSignedKey } from '../jws/signed-key.js';
import { verifySignedAnswer } from '../jws/verify-answer.js';
import { RoleCache } from '../roles/role-cache.js';
import type { RoleStore } from '../roles/role-store.js';
import { Roles } from '../roles/roles-api.js';
import { assertSecretKeyAllowedHere } from '../runtime/browser-guard.js';
import type { RoleAssignment, SignOffSessionReplace, TokenCheck, TokenPair } from '../schemas/answers.js';
import { AssignOptionsSchema, CallbackUrlSchema, RevokeOptionsSchema, RevokeTargetSchema, RoleIdsSchema, TokenSchema, UidSchema } from '../schemas/inputs.js';
import { ClientOptionsSchema } from '../schemas/options.js';
import { describeExpected, parseInput } from '../schemas/parse-input.js';
import type { User, UserData } from '../schemas/user.js';
import { DEFAULT_MAX_ROLE_LIST_BYTES } from '../transport/answer-caps.js';
import { Transport, type Credentials } from '../transport/transport.js';
import type { CallOptions } from './call-options.js';
import { raceSignal, SingleFlight } from './single-flight.js';
import { ValidationCache } from './validation-cache.js';
import {
  DEFAULT_BASE_URL,
  DEFAULT_CLOCK_TOLERANCE_S,
  DEFAULT_MAX_AGE_S,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WIDGET_URL,
  type AuthLiteClientOptions,
} from './options.js';

/** Options of the role assignment methods without sign-off. */
export interface AssignOptions extends CallOptions {
  signoffSessionAndAssign?: false;
}

/** Options of the role assignment methods with sign-off: the old session ends, a new token pair carries the new roles. */
export interface SignOffAssignOptions extends CallOptions {
  signoffSessionAndAssign: true;
  accessToken: string;
  refreshToken: string;
}

/**
 * The required opt-in of `generateEditUserUrl`: the URL it builds carries the organisation's
 * `api_key` and never-expiring `signed_key` (see its TSDoc and SECURITY.md).
 */
export interface EditUserUrlOptions {
  /** Must be `true`: you accept that whoever sees the URL can act as the organisation. */
  dangerouslyExposeOrgCredentials: true;
}

/** Which token `revokeToken` revokes. */
export type RevokeTarget = { accessToken: string } | { refreshToken: string };

/** Options of `revokeToken`. */
export interface RevokeOptions extends CallOptions {
  /** End every token of that user (`SpecificTokenOnly=false`), not only this one. Default false. */
  revokeAllTokens?: boolean;
}

/**
 * The TrustAuthX client: login, user data, token validation, refresh and revocation, role
 * assignment, and RBAC through {@link AuthLiteClient.roles}. Runs on `fetch` and WebCrypto
 * only (Workers, Deno, Bun, browsers, Node, Edge Runtime).
 *
 * Each client has its own keys, role cache and (by default) its own role store: two clients
 * in one process never see each other's roles. Credentials are kept in private fields and
 * never appear in an error, a log or an enumerable property.
 *
 * @throws ConfigurationError from the constructor when an option is invalid (naming the option).
 * In a browser page it also throws one (option `dangerouslyAllowBrowser`) unless that option is `true`.
 */
export class AuthLiteClient {
  /** RBAC: remote role management and local permission checks. */
  readonly roles: Roles;

  readonly #apiKey: string;
  readonly #secretKey: string;
  readonly #orgId: string | undefined;
  readonly #baseUrl: string;
  readonly #widgetUrl: string;
  readonly #clockToleranceS: number;
  readonly #maxRoleListBytes: number;
  readonly #clock: () => number;
  readonly #transport: Transport;
  readonly #cache: RoleCache | undefined;
  readonly #validations = new SingleFlight<boolean>();
  readonly #refreshes = new SingleFlight<TokenPair>();
  readonly #validationCache: ValidationCache | undefined;
  #key: Promise<CryptoKey> | undefined;
  #credentials: Promise<Credentials> | undefined;
  #signedKey: string | undefined;

  constructor(options: AuthLiteClientOptions) {
    const parsed = v.safeParse(ClientOptionsSchema, options);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const option = issue?.path?.map((item) => String(item.key)).join('.') ?? 'options';
      throw new ConfigurationError(option, `Invalid option "${option}": expected ${describeExpected(issue)}`);
    }
    const opts = parsed.output;
    assertSecretKeyAllowedHere(opts.dangerouslyAllowBrowser);
    this.#apiKey = opts.apiKey;
    this.#secretKey = opts.secretKey;
    this.#orgId = opts.orgId;
    this.#baseUrl = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.#widgetUrl = opts.widgetUrl ?? DEFAULT_WIDGET_URL;
    this.#clockToleranceS = opts.clockTolerance ?? DEFAULT_CLOCK_TOLERANCE_S;
    this.#maxRoleListBytes = opts.maxRoleListBytes ?? DEFAULT_MAX_ROLE_LIST_BYTES;
    this.#clock = opts.clock ?? Date.now;
    this.#transport = new Transport({
      baseUrl: this.#baseUrl,
      timeoutMs: opts.timeout ?? DEFAULT_TIMEOUT_MS,
      fetch: opts.fetch,
      credentials: () => this.#getCredentials(),
      secrets: () => [this.#apiKey, this.#secretKey, this.#signedKey ?? ''],
    });
    this.#validationCache = opts.validationCacheTtl ? new ValidationCache(opts.validationCacheTtl) : undefined;
    const store = (options.roleStore as RoleStore | undefined) ?? new MemoryRoleStore();
    const orgId = this.#orgId;
    this.#cache =
      orgId === undefined
        ? undefined
        : new RoleCache({
            orgId,
            store,
            maxAgeS: opts.maxAge ?? DEFAULT_MAX_AGE_S,
            fetchRoles: () => listRoles(this.#context(), orgId),
          });
    this.roles = new Roles((callOptions) => this.#context(callOptions), () => this.#requireOrgId('roles'), this.#cache as RoleCache);
  }

  /**
   * The hosted login URL of the organisation: `<widgetUrl>?org_id=<orgId>`. No request is made.
   * After login the widget redirects to the organisation's callback with `?code=<login code>`.
   * @throws ConfigurationError when the client has no `orgId`.
   */
  generateUrl(): string {
    const url = new URL(this.#widgetUrl);
    url.searchParams.set('org_id', this.#requireOrgId('generateUrl'));
    return url.toString();
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
   */
  async generateEditUserUrl(accessToken: string, callbackUrl: string, options: EditUserUrlOptions): Promise<string> {
    if ((options as Partial<EditUserUrlOptions> | undefined)?.dangerouslyExposeOrgCredentials !== true) {
      throw new ConfigurationError(
        'dangerouslyExposeOrgCredentials',
        'generateEditUserUrl puts the organisation\'s api_key and never-expiring signed_key into the URL: pass { dangerouslyExposeOrgCredentials: true } to accept that (see SECURITY.md)',
      );
    }
    const token = parseInput(TokenSchema, accessToken, 'accessToken');
    const callback = parseInput(CallbackUrlSchema, callbackUrl, 'callbackUrl');
    const { apiKey, signedKey } = await this.#getCredentials();
    const url = new URL(`${this.#baseUrl}/api/user/me/settings/`);
    url.search = new URLSearchParams({ AccessToken: token, api_key: apiKey, signed_key: signedKey, url: callback }).toString();
    return url.toString();
  }

  /**
   * Exchanges a login code (single use, from the widget's redirect) for the user.
   * `GET /api/user/me/auth/data?UserToken=<code>`; the signed answer is verified (HS256
   * pinned) before any claim is read. Not retried (the code is single-use).
   * @returns the flattened {@link User} (`sub` opened into `email` and `uid`, `scope` a list).
   * @throws ValidationError before any request; HttpError (e.g. 401 for a used or unknown code); InvalidSignedAnswerError; TimeoutError; NetworkError; UnexpectedAnswerError.
   */
  async getUser(code: string, options?: CallOptions): Promise<User> {
    const valid = parseInput(TokenSchema, code, 'code');
    return fetchUserByLoginCode(this.#context(options), valid);
  }

  /**
   * Exchanges a re-auth code (single use, from the edit-profile redirect) for the updated user.
   * `GET /api/user/me/widget/re-auth/token?code=<code>`; verified like {@link AuthLiteClient.getUser}.
   * @throws as {@link AuthLiteClient.getUser}.
   */
  async reAuth(code: string, options?: CallOptions): Promise<User> {
    const valid = parseInput(TokenSchema, code, 'code');
    return fetchUserByReAuthCode(this.#context(options), valid);
  }

  /**
   * The user data of an access token. `GET /api/user/me/data?AccessToken=<t>`; the signed
   * answer is verified (HS256 pinned). Retried on network errors and 408/429/5xx.
   * @returns the verified claims: at least `uid`, `email`, `img`.
   * @throws ValidationError; HttpError; InvalidSignedAnswerError; TimeoutError; NetworkError; UnexpectedAnswerError.
   */
  async getUserData(accessToken: string, options?: CallOptions): Promise<UserData> {
    const token = parseInput(TokenSchema, accessToken, 'accessToken');
    return fetchUserData(this.#context(options), token);
  }

  /**
   * A new token pair for a refresh token (token rotation: the used refresh token stops
   * working). `GET /api/user/me/access/token/?RefreshToken=<t>`. Never retried, and
   * single-flight per refresh token: concurrent calls with the same token send one request
   * and all get the same new pair.
   * @returns `{ access_token, refresh_token }`.
   * @throws ValidationError; HttpError (401 for a used, revoked or expired refresh token);
   * RefreshOutcomeUnknownError when the request was sent but no answer came (timeout, lost
   * connection): the token may be rotated already, so it is not re-sent; NetworkError when
   * nothing was sent (connection refused, DNS); UnexpectedAnswerError.
   */
  async getAccessTokenFromRefreshToken(refreshToken: string, options?: CallOptions): Promise<TokenPair> {
    const token = parseInput(TokenSchema, refreshToken, 'refreshToken');
    return this.#refresh(token, options?.signal);
  }

  /**
   * Is this access token valid now? `GET /api/user/me/auth/validate/token?AccessToken=<t>`.
   * `false` only when the service says the token is invalid (a 4xx other than 408/429);
   * a network failure, a timeout, 408, 429 or a 5xx throws instead (after retries).
   * Concurrent calls for one token share one request. With `validationCacheTtl`, a positive
   * result is reused for that many seconds (never past the token's `exp`).
   * @throws ValidationError; HttpError; TimeoutError; NetworkError.
   */
  async validateAccessToken(accessToken: string, options?: CallOptions): Promise<boolean> {
    const token = parseInput(TokenSchema, accessToken, 'accessToken');
    return this.#validate(token, options?.signal);
  }

  /**
   * Revokes an access token or a refresh token. `DELETE /api/user/me/token/`. With
   * `revokeAllTokens: true`, every token of that user ends. Never retried.
   * @returns the service's answer: `true` when revoked.
   * @throws ValidationError (not exactly one of the two tokens); HttpError; TimeoutError; NetworkError; UnexpectedAnswerError.
   */
  async revokeToken(target: RevokeTarget, options?: RevokeOptions): Promise<boolean> {
    const which = parseInput(RevokeTargetSchema, target, 'target');
    const opts = parseInput(RevokeOptionsSchema, pick(options, 'revokeAllTokens'), 'options');
    const isAccess = 'accessToken' in which;
    const token = isAccess ? which.accessToken : which.refreshToken;
    const all = opts?.revokeAllTokens === true;
    // A refresh token ends its session's access tokens too, which this cache cannot name.
    const evict = () => this.#validationCache?.evict(isAccess && !all ? token : undefined);
    evict();
    const revoked = await revoke(this.#context(options), token, isAccess, all);
    evict();
    return revoked;
  }

  /**
   * Checks an access/refresh token pair and refreshes it when the access token is invalid.
   * `state: true`: the access token is valid, both tokens are returned unchanged.
   * `state: false`: the refresh token was used (rotation) and `access`/`refresh` are the new
   * pair to store. Calls `validate/token`, then `access/token/` when needed.
   * @throws TokenSetInvalidError when the refresh token is refused too (log in again);
   * ValidationError; HttpError, TimeoutError, NetworkError for failures (never mistaken for invalid tokens).
   */
  async validateTokenSet(accessToken: string, refreshToken: string, options?: CallOptions): Promise<TokenCheck> {
    const access = parseInput(TokenSchema, accessToken, 'accessToken');
    const refresh = parseInput(TokenSchema, refreshToken, 'refreshToken');
    if (await this.#validate(access, options?.signal)) return { state: true, access, refresh };
    try {
      const pair = await this.#refresh(refresh, options?.signal);
      return { state: false, access: pair.access_token, refresh: pair.refresh_token };
    } catch (error) {
      if (error instanceof HttpError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
        throw new TokenSetInvalidError(error);
      }
      throw error;
    }
  }

  /**
   * Gives a user one or more roles; nothing is removed. `POST /rbac/assign/permission`.
   * With `signoffSessionAndAssign: true` (both tokens required) the user's session ends and
   * the answer carries a new token pair with the new roles. Never retried.
   * @throws ValidationError (also when sign-off lacks a token: the Python client's ParseError); ConfigurationError without `orgId`; HttpError (404 unknown role or user); TimeoutError; NetworkError; UnexpectedAnswerError.
   */
  attachRole(uid: string, roleIds: string | string[], options: SignOffAssignOptions): Promise<SignOffSessionReplace>;
  attachRole(uid: string, roleIds: string | string[], options?: AssignOptions): Promise<RoleAssignment>;
  async attachRole(uid: string, roleIds: string | string[], options?: AssignOptions | SignOffAssignOptions): Promise<SignOffSessionReplace | RoleAssignment> {
    return this.#assign(uid, { add: parseIds(roleIds, 'roleIds'), remove: [] }, options);
  }

  /**
   * Takes one or more roles from a user; nothing is added. `POST /rbac/assign/permission`.
   * Sign-off as in {@link AuthLiteClient.attachRole}. @throws as {@link AuthLiteClient.attachRole}.
   */
  removeRole(uid: string, roleIds: string | string[], options: SignOffAssignOptions): Promise<SignOffSessionReplace>;
  removeRole(uid: string, roleIds: string | string[], options?: AssignOptions): Promise<RoleAssignment>;
  async removeRole(uid: string, roleIds: string | string[], options?: AssignOptions | SignOffAssignOptions): Promise<SignOffSessionReplace | RoleAssignment> {
    return this.#assign(uid, { add: [], remove: parseIds(roleIds, 'roleIds') }, options);
  }

  /**
   * Adds and removes roles of a user in one call. `POST /rbac/assign/permission`.
   * Sign-off as in {@link AuthLiteClient.attachRole}. @throws as {@link AuthLiteClient.attachRole}.
   */
  updateRole(uid: string, change: { add: string | string[]; remove: string | string[] }, options: SignOffAssignOptions): Promise<SignOffSessionReplace>;
  updateRole(uid: string, change: { add: string | string[]; remove: string | string[] }, options?: AssignOptions): Promise<RoleAssignment>;
  async updateRole(
    uid: string,
    change: { add: string | string[]; remove: string | string[] },
    options?: AssignOptions | SignOffAssignOptions,
  ): Promise<SignOffSessionReplace | RoleAssignment> {
    if (typeof change !== 'object' || change === null) throw new ValidationError('change', 'an object { add, remove }');
    return this.#assign(uid, { add: parseIds(change.add, 'change.add'), remove: parseIds(change.remove, 'change.remove') }, options);
  }

  #assign(uid: string, ids: { add: string[]; remove: string[] }, options?: AssignOptions | SignOffAssignOptions) {
    const validUid = parseInput(UidSchema, uid, 'uid');
    const opts = parseInput(AssignOptionsSchema, pick(options, 'signoffSessionAndAssign', 'accessToken', 'refreshToken'), 'options');
    let signoff: { accessToken: string; refreshToken: string } | undefined;
    if (opts?.signoffSessionAndAssign) {
      if (!opts.accessToken) throw new ValidationError('options.accessToken', 'an access token when signoffSessionAndAssign is true');
      if (!opts.refreshToken) throw new ValidationError('options.refreshToken', 'a refresh token when signoffSessionAndAssign is true');
      signoff = { accessToken: opts.accessToken, refreshToken: opts.refreshToken };
    }
    const orgId = this.#requireOrgId('roles');
    return assignRoles(this.#context(options), orgId, { uid: validUid, ...ids, signoff });
  }

  #validate(token: string, signal: AbortSignal | undefined): Promise<boolean> {
    const cache = this.#validationCache;
    if (cache?.has(token)) return Promise.resolve(true);
    const shared = this.#validations.run(token, async () => {
      const valid = await checkAccessToken(this.#context(), token);
      if (valid) cache?.remember(token);
      return valid;
    });
    return raceSignal(shared, signal);
  }

  #refresh(token: string, signal: AbortSignal | undefined): Promise<TokenPair> {
    const shared = this.#refreshes.run(token, () =>
      refreshTokens(this.#context(), token).catch((error: unknown) => {
        if (error instanceof TimeoutError || (error instanceof NetworkError && !error.neverSent)) {
          throw new RefreshOutcomeUnknownError(error);
        }
        throw error;
      }),
    );
    return raceSignal(shared, signal);
  }

  #requireOrgId(where: string): string {
    if (this.#orgId === undefined) throw new ConfigurationError('orgId', `${where} needs the client option "orgId"`);
    return this.#orgId;
  }

  #context(options?: CallOptions): EndpointContext {
    return {
      transport: this.#transport,
      verify: async (token, requireExp) => verifySignedAnswer(token, await this.#getKey(), { clockToleranceS: this.#clockToleranceS, requireExp, nowS: Math.floor(this.#clock() / 1000) }),
      maxRoleListBytes: this.#maxRoleListBytes,
      observeEdge: (edge) => this.#cache?.observeEdge(edge),
      signal: options?.signal,
    };
  }

  #getKey(): Promise<CryptoKey> {
    this.#key ??= importHmacKey(this.#secretKey).catch((error: unknown) => {
      this.#key = undefined;
      throw error;
    });
    return this.#key;
  }

  #getCredentials(): Promise<Credentials> {
    this.#credentials ??= this.#getKey()
      .then((key) => computeSignedKey(this.#apiKey, key))
      .then((signedKey) => {
        this.#signedKey = signedKey;
        return { apiKey: this.#apiKey, signedKey };
      })
      .catch((error: unknown) => {
        this.#credentials = undefined;
        throw error;
      });
    return this.#credentials;
  }
}


function parseIds(ids: unknown, field: string): string[] {
  const valid = parseInput(RoleIdsSchema, ids, field);
  return [...new Set(Array.isArray(valid) ? valid : [valid])];
}

/** Only the named keys of an options object, so `signal` and friends do not meet strict schemas. */
function pick(options: object | undefined, ...keys: string[]): Record<string, unknown> | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) return options;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in options) out[key] = (options as Record<string, unknown>)[key];
  return out;
}
