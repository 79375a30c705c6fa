import type { RoleStore } from '../roles/role-store.js';

/** Default TrustAuthX API base URL. */
export const DEFAULT_BASE_URL = 'https://api.trustauthx.com';
/** Default hosted login widget. */
export const DEFAULT_WIDGET_URL = 'https://app.trustauthx.com/widget/login/';
/** Default per-attempt request timeout, milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default longest a role snapshot is trusted without re-fetching, seconds. */
export const DEFAULT_MAX_AGE_S = 300;
/** Default slack when checking `exp`/`nbf` of signed answers, seconds. */
export const DEFAULT_CLOCK_TOLERANCE_S = 5;

/**
 * Options of {@link AuthLiteClient}. Validated at construction; a bad or unknown one throws
 * `ConfigurationError`. An optional option given as `undefined` takes its default.
 */
export interface AuthLiteClientOptions {
  /** The organisation's API key (`api_key`), sent on every call. */
  apiKey: string;
  /** The organisation's secret key: HMAC key of the signed key and of signed answers. Never sent. */
  secretKey: string;
  /** The organisation (tenant) id; needed by `generateUrl` and every RBAC call. */
  orgId?: string | undefined;
  /**
   * API base URL. Default `https://api.trustauthx.com`. Must be https, except on a loopback
   * host or with `allowInsecureHttp: true`.
   */
  baseUrl?: string | undefined;
  /** Login widget URL; `generateUrl` adds `?org_id=`. Default `https://app.trustauthx.com/widget/login/`. */
  widgetUrl?: string | undefined;
  /** Where role snapshots are kept. Default: a new in-memory store for this client only. */
  roleStore?: RoleStore | undefined;
  /** The fetch to use, called as given. Default: `globalThis.fetch`, looked up at call time. */
  fetch?: typeof fetch | undefined;
  /** Per-attempt request timeout, milliseconds (1 to 600000). Default 10000. */
  timeout?: number | undefined;
  /** Longest a role snapshot is trusted without asking `GET /rbac/role`, seconds. Default 300. */
  maxAge?: number | undefined;
  /** Slack when checking `exp`/`nbf` of signed answers, seconds (0 to 300). Default 5. */
  clockTolerance?: number | undefined;
  /**
   * Cache positive `validateAccessToken` results for this many seconds (0 to 3600), never
   * past the token's own `exp`. Off by default (every call asks the service). A token
   * revoked through this client is evicted at once; one revoked elsewhere stays "valid" here
   * until its entry expires: choose the period with that in mind.
   */
  validationCacheTtl?: number | undefined;
  /**
   * Now, in milliseconds since the epoch, for judging the `exp`, `nbf` and `iat` claims of
   * signed answers and the age of validation cache entries. Default `Date.now`. Set it when the service's clock is not this machine's,
   * for example after moving the emulator's clock (`POST /__emulator/clock`): an answer issued
   * later than now + `clockTolerance` is refused (`InvalidSignedAnswerError`, reason `issued-in-future`).
   */
  clock?: (() => number) | undefined;
  /**
   * Cap of the role list answer (`GET /rbac/role`), bytes (1024 to 268435456). Reading stops
   * there with `AnswerTooLargeError`. Default 4194304 (4 MiB, about 20000 roles of ten permissions).
   */
  maxRoleListBytes?: number | undefined;
  /**
   * Allow a `secretKey` in a browser page (a `window` and a `document`, no server runtime).
   * Default false: there the constructor throws `ConfigurationError` (option
   * `"dangerouslyAllowBrowser"`), because every visitor can read a key shipped to a browser.
   * Set it only when that is acceptable, for example against the local emulator. Workers,
   * Deno, Bun, Node and the Edge Runtime are never taken for a browser.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * Allow a plain `http:` `baseUrl` and `widgetUrl` on any host, e.g. the local emulator
   * reached as `http://emulator:8787` from another container or a CI service. Default false:
   * plain http is refused (`ConfigurationError`, option `"baseUrl"` or `"widgetUrl"`) except
   * on a loopback host, because the API key, the signed key and user tokens travel in the
   * query string and anyone on the network path can read them. Never set it for the real service.
   */
  allowInsecureHttp?: boolean | undefined;
}
