import type { EndpointContext } from '../endpoints/context.ts';
import { refreshTokens } from '../endpoints/token.ts';
import type { Clock } from '../runtime/clock.ts';
import type { TokenPair } from '../schemas/answers.ts';
import { raceSignal } from '../shared/race-signal.ts';
import { SingleFlight } from '../shared/single-flight.ts';
import { meansInvalidToken } from './invalid-token-status.ts';
import { classifyRefreshFailure } from './refresh-outcome.ts';
import { RotatedPairs } from './rotated-pairs.ts';
import { recallShared, rememberShared } from './shared-grace-calls.ts';
import type { SharedRefreshGrace } from './shared-refresh-grace.ts';

/** What the token refreshes of one handle need. */
export interface TokenRefreshesConfig {
  /** The endpoint context of a shared call (no caller's signal). */
  context: () => EndpointContext;
  /** The service's clock: the shared record's entries are dated on it. */
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
 * Refresh with token rotation of one handle: a single-flight per refresh token (per request
 * on Workers), the record of recent rotations (with the shared grace, when given), and the
 * "outcome unknown" classification of failures. Arguments arrive validated.
 */
export class TokenRefreshes {
  readonly #config: TokenRefreshesConfig;
  readonly #flights = new SingleFlight<TokenPair>();
  readonly #rotations: RotatedPairs;

  constructor(config: TokenRefreshesConfig) {
    this.#config = config;
    this.#rotations = new RotatedPairs(config.sdkClock, config.refreshGraceMs, config.timeoutMs);
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
      this.#flights.run(token, () => {
        const run = this.#refreshOnce(token, key, waitUntil);
        waitUntil?.(run.catch(() => undefined));
        return run;
      }),
      signal,
    );
  }

  /** Forgets every rotation from or into a token being revoked, or every rotation when `all` (its user's tokens all end). */
  async forget(token: string, isAccessToken: boolean, all: boolean): Promise<void> {
    this.#rotations.forget(all ? undefined : token, isAccessToken ? undefined : await RotatedPairs.keyOf(token));
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

  /** Another isolate's rotation of `token`, from the shared record; this handle's requests wait for it meanwhile. */
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
}
