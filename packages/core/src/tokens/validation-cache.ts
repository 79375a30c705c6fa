import { base64url } from 'jose';
import { type Clock, SYSTEM_CLOCK } from '../runtime/clock.ts';

/** Most access tokens a validation cache holds; the oldest entry goes first. */
export const VALIDATION_CACHE_MAX_ENTRIES = 1000;

/**
 * A bounded cache of positive `validateAccessToken` results, for middleware that checks the
 * same token on every request. An entry lives `ttlS` seconds, never past the token's own
 * `exp` claim when the token is a JWT whose payload says one. Negative results are never
 * cached. Expiry is checked on read: no timers.
 */
export class ValidationCache {
  readonly #ttlMs: number;
  readonly #clock: Clock;
  readonly #validUntil = new Map<string, number>();

  constructor(ttlS: number, clock: Clock = SYSTEM_CLOCK) {
    this.#ttlMs = ttlS * 1000;
    this.#clock = clock;
  }

  /** True when `token` was found valid within its cache period. */
  has(token: string): boolean {
    const until = this.#validUntil.get(token);
    if (until === undefined) return false;
    if (until > this.#clock.nowMs()) return true;
    this.#validUntil.delete(token);
    return false;
  }

  /** Remembers that `token` was found valid now. */
  remember(token: string): void {
    const now = this.#clock.nowMs();
    let until = now + this.#ttlMs;
    const exp = expiryMs(token);
    if (exp !== undefined) until = Math.min(until, exp);
    if (until <= now) return;
    this.#validUntil.delete(token);
    this.#validUntil.set(token, until);
    if (this.#validUntil.size > VALIDATION_CACHE_MAX_ENTRIES) {
      const oldest = this.#validUntil.keys().next().value;
      if (oldest !== undefined) this.#validUntil.delete(oldest);
    }
  }

  /** Forgets one token, or every token when none is given. */
  evict(token?: string): void {
    if (token === undefined) this.#validUntil.clear();
    else this.#validUntil.delete(token);
  }
}

/**
 * The `exp` claim of a JWT's payload segment, milliseconds; `undefined` when the token has no
 * JSON payload with a numeric `exp`. Read with jose's base64url decoder only: `decodeJwt` would
 * bring its own error classes and checks into every bundle that validates tokens, and this
 * value can only shorten a cache entry's life.
 */
function expiryMs(token: string): number | undefined {
  try {
    const exp = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1] ?? '')))?.exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
