import type { EndpointContext } from '../endpoints/context.ts';
import { checkAccessToken, refreshTokens, revoke } from '../endpoints/token.ts';
import { TokenSetInvalidError } from '../errors/authlite-error.ts';
import type { Clock } from '../runtime/clock.ts';
import type { TokenCheck, TokenPair } from '../schemas/answers.ts';
import { raceSignal } from '../shared/race-signal.ts';
import { SingleFlight } from '../shared/single-flight.ts';
import { meansInvalidToken } from './invalid-token-status.ts';
import { classifyRefreshFailure } from './refresh-outcome.ts';
import { RotatedPairs } from './rotated-pairs.ts';
import { recallShared, rememberShared } from './shared-grace-calls.ts';
import type { SharedRefreshGrace } from './shared-refresh-grace.ts';
import { ValidationCache } from './validation-cache.ts';

/** What the token checks of one client need. */
export interface TokenChecksConfig {
  /** The endpoint context of a call; `signal` is the caller's, for calls that are not shared. */
  context: (signal?: AbortSignal) => EndpointContext;
  /** Seconds a positive validation is reused; `undefined` or 0: never cached. */
  validationCacheTtlS: number | undefined;
  /** The service's clock: tokens' `exp` (the validation cache) are judged on it. */
  clock: Clock;
  /** The SDK's own clock: the rotation record's grace period runs on it. */
  sdkClock: Clock;
  /** How long a rotation is remembered (`refreshGracePeriod`), milliseconds; 0: never. */
  refreshGraceMs: number;
  /** The request timeout, milliseconds: the longest a caller waits for another request's refresh. */
  timeoutMs: number;
  /** The rotation record shared with other isolates (`sharedRefreshGrace`), if any. */
  sharedGrace?: SharedRefreshGrace | undefined;
  /** Deadline of one shared record write, and of the whole search after a refusal, milliseconds (`storeTimeout`). */
  storeTimeoutMs: number;
}

/**
 * The token room of a client: access token validation (with its optional cache and a
 * single-flight per token), refresh (single-flight per refresh token, "outcome unknown"
 * classification), the token-set check, and revocation (which evicts the cache). Arguments
 * arrive validated.
 */
export class TokenChecks {
  readonly #config: TokenChecksConfig;
  readonly #validations = new SingleFlight<boolean>();
  readonly #refreshes = new SingleFlight<TokenPair>();
  readonly #validationCache: ValidationCache | undefined;
  readonly #rotations: RotatedPairs;

  constructor(config: TokenChecksConfig) {
    this.#config = config;
    this.#rotations = new RotatedPairs(config.sdkClock, config.refreshGraceMs, config.timeoutMs);
    this.#validationCache = config.validationCacheTtlS ? new ValidationCache(config.validationCacheTtlS, config.clock) : undefined;
  }

  /** Is `token` valid now? Concurrent calls for one token share one request; `signal` only ends this caller's wait. */
  validate(token: string, signal: AbortSignal | undefined): Promise<boolean> {
    const cache = this.#validationCache;
    if (cache?.has(token)) return Promise.resolve(true);
    const shared = this.#validations.run(token, async () => {
      try {
        await checkAccessToken(this.#config.context(), token);
      } catch (error) {
        if (meansInvalidToken(error)) return false;
        throw error;
      }
      cache?.remember(token);
      return true;
    });
    return raceSignal(shared, signal);
  }

  /**
   * A rotated pair for `token`. Concurrent calls for one token share one request (per request
   * on Workers); a token rotated within the grace period gives the pair it was rotated into,
   * with no request; a refresh under way in another request is waited for (up to the
   * timeout); a refusal is checked against the record before it is believed.
   */
  async refresh(token: string, signal: AbortSignal | undefined, waitUntil?: (promise: Promise<unknown>) => void): Promise<TokenPair> {
    const key = await RotatedPairs.keyOf(token);
    const known = this.#rotations.lookup(key);
    if (known) return known;
    return raceSignal(
      this.#refreshes.run(token, () => {
        const run = this.#refreshOnce(token, key, waitUntil);
        waitUntil?.(run.catch(() => undefined));
        return run;
      }),
      signal,
    );
  }

  async #refreshOnce(token: string, key: string, waitUntil?: (promise: Promise<unknown>) => void): Promise<TokenPair> {
    const rotations = this.#rotations;
    if (rotations.isPending(key)) {
      const pair = await rotations.waitFor(key, this.#config.timeoutMs);
      if (pair) return pair;
    }
    rotations.started(key);
    let pair: TokenPair;
    try {
      pair = await refreshTokens(this.#config.context(), token);
    } catch (error) {
      rotations.settled(key);
      // Refused: another request may have rotated this token a moment ago.
      if (meansInvalidToken(error)) {
        const rotated =
          rotations.lookup(key) ??
          (rotations.isPending(key) ? await rotations.waitFor(key, this.#config.timeoutMs) : undefined) ??
          (await this.#recallShared(token, key));
        if (rotated) return rotated;
      }
      throw classifyRefreshFailure(error);
    }
    rotations.settled(key, pair);
    const { sharedGrace, refreshGraceMs, storeTimeoutMs, clock } = this.#config;
    if (sharedGrace && refreshGraceMs > 0) {
      // Not awaited: the caller has its pair; waitUntil keeps the write alive past the request on Workers.
      const write = rememberShared(sharedGrace, token, pair, clock, refreshGraceMs, storeTimeoutMs);
      waitUntil?.(write);
    }
    return pair;
  }

  /** Another isolate's rotation of `token`, from the shared record; this client's requests wait for it meanwhile. */
  async #recallShared(token: string, key: string): Promise<TokenPair | undefined> {
    const { sharedGrace, refreshGraceMs, storeTimeoutMs, clock } = this.#config;
    if (!sharedGrace || refreshGraceMs <= 0) return undefined;
    this.#rotations.started(key);
    let pair: TokenPair | undefined;
    try {
      pair = await recallShared(sharedGrace, token, clock, storeTimeoutMs);
    } finally {
      this.#rotations.settled(key, pair);
    }
    return pair;
  }

  /** The access token if valid, else a refreshed pair; {@link TokenSetInvalidError} when the refresh token is refused too. */
  async checkSet(
    access: string,
    refresh: string,
    signal: AbortSignal | undefined,
    waitUntil?: (promise: Promise<unknown>) => void,
  ): Promise<TokenCheck> {
    if (await this.validate(access, signal)) return { state: true, access, refresh };
    try {
      const pair = await this.refresh(refresh, signal, waitUntil);
      return { state: false, access: pair.access_token, refresh: pair.refresh_token };
    } catch (error) {
      if (meansInvalidToken(error)) throw new TokenSetInvalidError(error);
      throw error;
    }
  }

  /** Revokes one token (or every token of its user with `all`); the validation cache forgets it before and after. */
  async revoke(token: string, isAccessToken: boolean, all: boolean, signal: AbortSignal | undefined): Promise<boolean> {
    // A refresh token ends its session's access tokens too, which this cache cannot name.
    const evict = () => this.#validationCache?.evict(isAccessToken && !all ? token : undefined);
    evict();
    this.#rotations.forget(all ? undefined : token, isAccessToken ? undefined : await RotatedPairs.keyOf(token));
    const revoked = await revoke(this.#config.context(signal), token, isAccessToken, all);
    evict();
    return revoked;
  }
}
