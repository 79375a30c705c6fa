import { base64url } from 'jose';
import type { Clock } from '../runtime/clock.ts';
import type { TokenPair } from '../schemas/answers.ts';

/** Most rotations a client remembers at once; the oldest goes first. */
export const ROTATED_PAIRS_MAX_ENTRIES = 1000;
/** How often a caller waiting for another request's refresh looks at the record, milliseconds. */
const POLL_MS = 10;

interface Rotation {
  pair: TokenPair;
  /** SDK clock, milliseconds. */
  until: number;
}

interface Pending {
  count: number;
  /** SDK clock, milliseconds: after this a refresh that never settled (its request was cancelled) no longer counts. */
  until: number;
}

/**
 * The per-client record "this refresh token was rotated into this pair" (token rotation),
 * kept `graceMs` on the SDK clock and bounded, plus which refreshes are under way. Keys are
 * SHA-256 digests of refresh tokens, never the tokens.
 *
 * Why: on Workers each request refreshes on its own (a request must never await I/O another
 * request started), so concurrent requests with one refresh token would each send it and all
 * but the first would be refused. A settled result is plain data: a request consults the
 * record before sending and when a refresh is refused, and waits for a refresh under way in
 * another request by looking at the record with its own timers and deadline, never by
 * awaiting the other request's promise. A cancelled request therefore never hangs the others.
 */
export class RotatedPairs {
  readonly #clock: Clock;
  readonly #graceMs: number;
  readonly #pendingMs: number;
  readonly #rotations = new Map<string, Rotation>();
  readonly #pending = new Map<string, Pending>();

  /**
   * @param graceMs how long a rotation is remembered, milliseconds (0: never).
   * @param pendingMs how long a refresh under way counts as such, milliseconds (the request timeout).
   */
  constructor(clock: Clock, graceMs: number, pendingMs: number) {
    this.#clock = clock;
    this.#graceMs = graceMs;
    this.#pendingMs = pendingMs;
  }

  /** The record key of `refreshToken`: its SHA-256, base64url. */
  static async keyOf(refreshToken: string): Promise<string> {
    return base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(refreshToken))));
  }

  /** The pair `key`'s token was rotated into within the grace period, if any. */
  lookup(key: string): TokenPair | undefined {
    const rotation = this.#rotations.get(key);
    if (!rotation) return undefined;
    if (rotation.until > this.#clock.nowMs()) return rotation.pair;
    this.#rotations.delete(key);
    return undefined;
  }

  /** Notes that a refresh of `key` was sent. */
  started(key: string): void {
    const pending = this.#pending.get(key);
    const until = this.#clock.nowMs() + this.#pendingMs;
    this.#pending.set(key, { count: (pending?.count ?? 0) + 1, until });
  }

  /** Notes that a refresh of `key` ended, with the new pair when it succeeded. */
  settled(key: string, pair?: TokenPair): void {
    const pending = this.#pending.get(key);
    if (pending && pending.count > 1) pending.count--;
    else this.#pending.delete(key);
    if (!pair || this.#graceMs <= 0) return;
    this.#rotations.delete(key);
    this.#rotations.set(key, { pair, until: this.#clock.nowMs() + this.#graceMs });
    if (this.#rotations.size > ROTATED_PAIRS_MAX_ENTRIES) {
      const oldest = this.#rotations.keys().next().value;
      if (oldest !== undefined) this.#rotations.delete(oldest);
    }
  }

  /** Is a refresh of `key` under way (in any request of this client)? */
  isPending(key: string): boolean {
    const pending = this.#pending.get(key);
    if (!pending) return false;
    if (pending.until > this.#clock.nowMs()) return true;
    this.#pending.delete(key);
    return false;
  }

  /**
   * Waits until the refresh of `key` under way settles or `deadlineMs` (milliseconds) passes,
   * looking at the record every few milliseconds with this caller's own timers.
   * @returns the recorded pair, or `undefined` when the refresh failed, was abandoned, or the deadline passed.
   */
  async waitFor(key: string, deadlineMs: number): Promise<TokenPair | undefined> {
    let waited = 0;
    for (;;) {
      const pair = this.lookup(key);
      if (pair || !this.isPending(key) || waited >= deadlineMs) return pair;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      waited += POLL_MS;
    }
  }

  /** Forgets every rotation from or into `token` (revoked), or every rotation when none is given. */
  forget(token?: string, key?: string): void {
    if (token === undefined) {
      this.#rotations.clear();
      return;
    }
    if (key !== undefined) this.#rotations.delete(key);
    for (const [k, rotation] of this.#rotations) {
      if (rotation.pair.access_token === token || rotation.pair.refresh_token === token) this.#rotations.delete(k);
    }
  }
}
