import type { EndpointContext } from '../endpoints/context.js';
import { checkAccessToken, refreshTokens, revoke } from '../endpoints/token.js';
import { TokenSetInvalidError } from '../errors/authlite-error.js';
import type { Clock } from '../runtime/clock.js';
import type { TokenCheck, TokenPair } from '../schemas/answers.js';
import { raceSignal } from '../shared/race-signal.js';
import { SingleFlight } from '../shared/single-flight.js';
import { meansInvalidToken } from './invalid-token-status.js';
import { classifyRefreshFailure } from './refresh-outcome.js';
import { ValidationCache } from './validation-cache.js';

/** What the token checks of one client need. */
export interface TokenChecksConfig {
  /** The endpoint context of a call; `signal` is the caller's, for calls that are not shared. */
  context: (signal?: AbortSignal) => EndpointContext;
  /** Seconds a positive validation is reused; `undefined` or 0: never cached. */
  validationCacheTtlS: number | undefined;
  clock: Clock;
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

  constructor(config: TokenChecksConfig) {
    this.#config = config;
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

  /** A rotated pair for `token`; concurrent calls for one token share one request. */
  refresh(token: string, signal: AbortSignal | undefined): Promise<TokenPair> {
    const shared = this.#refreshes.run(token, () =>
      refreshTokens(this.#config.context(), token).catch((error: unknown) => {
        throw classifyRefreshFailure(error);
      }),
    );
    return raceSignal(shared, signal);
  }

  /** The access token if valid, else a refreshed pair; {@link TokenSetInvalidError} when the refresh token is refused too. */
  async checkSet(access: string, refresh: string, signal: AbortSignal | undefined): Promise<TokenCheck> {
    if (await this.validate(access, signal)) return { state: true, access, refresh };
    try {
      const pair = await this.refresh(refresh, signal);
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
    const revoked = await revoke(this.#config.context(signal), token, isAccessToken, all);
    evict();
    return revoked;
  }
}
