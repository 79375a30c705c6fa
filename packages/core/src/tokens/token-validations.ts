import type { EndpointContext } from '../endpoints/context.ts';
import { checkAccessToken } from '../endpoints/token.ts';
import type { Clock } from '../runtime/clock.ts';
import { raceSignal } from '../shared/race-signal.ts';
import { SingleFlight } from '../shared/single-flight.ts';
import { meansInvalidToken } from './invalid-token-status.ts';
import { ValidationCache } from './validation-cache.ts';

/** What the access token validations of one handle need. */
export interface TokenValidationsConfig {
  /** The endpoint context of a shared call (no caller's signal). */
  context: () => EndpointContext;
  /** Seconds a positive validation is reused; `undefined` or 0: never cached. */
  validationCacheTtlS: number | undefined;
  /** The service's clock: tokens' `exp` (the validation cache) are judged on it. */
  clock: Clock;
}

/**
 * Access token validation of one handle: a single-flight per token and the optional cache of
 * positive results. Arguments arrive validated.
 */
export class TokenValidations {
  readonly #config: TokenValidationsConfig;
  readonly #flights = new SingleFlight<boolean>();
  readonly #cache: ValidationCache | undefined;

  constructor(config: TokenValidationsConfig) {
    this.#config = config;
    this.#cache = config.validationCacheTtlS ? new ValidationCache(config.validationCacheTtlS, config.clock) : undefined;
  }

  /** Is `token` valid now? Concurrent calls for one token share one request; `signal` only ends this caller's wait. */
  validate(token: string, signal: AbortSignal | undefined): Promise<boolean> {
    const cache = this.#cache;
    if (cache?.has(token)) return Promise.resolve(true);
    const shared = this.#flights.run(token, async () => {
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

  /** Forgets one cached positive result, or every one when no token is given (a revocation). */
  evict(token?: string): void {
    this.#cache?.evict(token);
  }
}
