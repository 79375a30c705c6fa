import type { UserData } from '@authlite/core';
import { unverifiedExpiryS } from './token-shape.ts';

/** Default lifetime of a session cache entry, seconds: a token revoked elsewhere is refused within this time. */
export const DEFAULT_SESSION_CACHE_TTL_S = 30;

/** Most access tokens the session cache holds; the oldest goes first. */
export const SESSION_CACHE_MAX_ENTRIES = 1000;

interface Entry {
  untilMs: number;
  user?: UserData | undefined;
}

/**
 * What the service said about an access token: valid (`GET .../auth/validate/token`) and,
 * once read, its user data (`GET /api/user/me/data`). An entry lives `ttlS` seconds and never
 * past the token's `exp` claim; a negative answer is never cached; logout evicts at once.
 * Expiry is checked on read against `nowMs` (no timers). A TTL of 0 turns the cache off.
 */
export class SessionCache {
  readonly #ttlMs: number;
  readonly #nowMs: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(ttlS: number, nowMs: () => number) {
    this.#ttlMs = ttlS * 1000;
    this.#nowMs = nowMs;
  }

  /** True when `accessToken` was found valid within its cache period. */
  isValid(accessToken: string): boolean {
    return this.#live(accessToken) !== undefined;
  }

  /** The cached user data of `accessToken`, when it is still valid. */
  user(accessToken: string): UserData | undefined {
    return this.#live(accessToken)?.user;
  }

  /** Records that `accessToken` is valid now (and its user data, when read). */
  remember(accessToken: string, user?: UserData): void {
    if (this.#ttlMs <= 0) return;
    const now = this.#nowMs();
    const exp = unverifiedExpiryS(accessToken);
    const untilMs = Math.min(now + this.#ttlMs, exp === undefined ? Infinity : exp * 1000);
    if (untilMs <= now) return;
    const kept = this.#entries.get(accessToken);
    this.#entries.delete(accessToken);
    this.#entries.set(accessToken, { untilMs: kept ? Math.min(kept.untilMs, untilMs) : untilMs, user: user ?? kept?.user });
    if (this.#entries.size > SESSION_CACHE_MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  /** Forgets `accessToken` (logout, or the service refused it). */
  evict(accessToken: string): void {
    this.#entries.delete(accessToken);
  }

  #live(accessToken: string): Entry | undefined {
    const entry = this.#entries.get(accessToken);
    if (entry === undefined) return undefined;
    if (entry.untilMs > this.#nowMs()) return entry;
    this.#entries.delete(accessToken);
    return undefined;
  }
}
