import type { RoleStore } from '../roles/role-store.ts';
import type { Clock } from '../runtime/clock.ts';
import type { SharedRefreshGrace } from '../tokens/shared-refresh-grace.ts';

/** Default TrustAuthX API base URL. */
export const DEFAULT_BASE_URL = 'https://api.trustauthx.com';
/** Default hosted login widget. */
export const DEFAULT_WIDGET_URL = 'https://app.trustauthx.com/widget/login/';
/** Default per-attempt request timeout, milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default longest a role snapshot is trusted without re-fetching, seconds. */
export const DEFAULT_MAX_AGE_S = 300;
/** The default deadline of one role store call, milliseconds, from the client's `timeout` (milliseconds): a quarter of it. */
export function defaultStoreTimeoutMs(timeoutMs: number): number {
  return Math.max(1, Math.ceil(timeoutMs / 4));
}
/** Default time a token rotation is remembered (`refreshGracePeriod`), seconds. */
export const DEFAULT_REFRESH_GRACE_PERIOD_S = 30;
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
  /**
   * Longest wait for one role store call (`get` or `set`), milliseconds (1 to 600000).
   * Default: a quarter of `timeout` (2500 with the default `timeout`). A read that does not
   * answer in time counts as empty (the roles come from `GET /rbac/role`), a write as skipped:
   * a hung store (an IndexedDB open that never fires) never hangs a check or `roles.refresh()`.
   */
  storeTimeout?: number | undefined;
  /**
   * How long this client remembers a token rotation, seconds (0 to 300). Default 30. Within
   * it, a refresh with a refresh token this client just rotated gives the same new pair with no
   * request: concurrent requests (on Workers each refreshes on its own) and a second browser tab
   * all get the pair the first refresh got, instead of one pair and a 401 each. The trade-off
   * of every refresh-token reuse interval: a used refresh token replayed within the period gets
   * that pair too. 0 turns it off. Revoking a token through this client forgets its rotations.
   * The record is per client (per isolate on Workers): other isolates keep the race.
   */
  refreshGracePeriod?: number | undefined;
  /**
   * A token rotation record shared with other isolates or servers through a store (Cloudflare
   * KV, Deno KV, Redis through unstorage). Off by default. Build it with `createSharedRefreshGrace`
   * from `@authlite/store-kv` (or `createEncryptedRefreshGrace` from `@authlite/core/refresh-grace`)
   * with this client's `secretKey`. After each refresh this client writes "this refresh token
   * was rotated into this pair" (key: HMAC-SHA-256 of the token, value: the pair encrypted as a
   * JWE, both under keys derived from the secret key; never a plain token), kept
   * `refreshGracePeriod` on the service's clock. A refresh this client sees refused (401) reads
   * it, again for up to `storeTimeout` milliseconds in all (the writer may be a few ms behind),
   * and gets the same pair. Costs: one store write per refresh, and a refused refresh with no
   * record fails up to `storeTimeout` later. A failing or hung store counts as "no record". Pass
   * `waitUntil` on Workers so the write outlives the request. Cloudflare KV is eventually
   * consistent across locations (up to 60 s): a request served in another location may still
   * be refused. `refreshGracePeriod: 0` turns it off too.
   */
  sharedRefreshGrace?: SharedRefreshGrace | undefined;
  /**
   * The clock of every time decision the SDK makes (role snapshots' age, the validation
   * cache's expiry, signed answers' `exp`/`nbf`): an object whose `nowMs()` returns
   * milliseconds since the epoch. Default: the host's clock (`Date.now()`). Tests pass one they
   * move. Times the service issued are judged on the service's clock, estimated from this one
   * plus an offset learnt from answers (signed `iat`, the `Date` header). Its optional
   * `wait(ms, signal)` takes the wait a `Retry-After` asks for before a retry (milliseconds;
   * must reject with `signal.reason` when the signal fires); default a host timer.
   */
  clock?: Clock | undefined;
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
