import { type AuthLiteClient, HttpError, type TokenPair, type UserData } from '@authlite/core';
import type { SessionCache } from './session-cache.ts';
import type { SingleFlight } from './single-flight.ts';

/** What {@link checkSession} works with: the client (which keeps the token rotation record), the session cache, the user reads in progress. */
export interface SessionDeps {
  client: AuthLiteClient;
  cache: SessionCache;
  userReads: SingleFlight<UserData>;
}

/** The outcome of checking a stored token pair with the service. */
export type SessionCheck =
  | {
      kind: 'valid';
      access: string;
      refresh: string;
      /** True when the pair was refreshed (token rotation): the new pair must be stored. */
      rotated: boolean;
      /** The user data, when asked for. */
      user?: UserData;
    }
  /** The service refused the tokens: the user must log in again. */
  | { kind: 'ended' };

/**
 * Checks the pair: the access token with `validateAccessToken` (or the cache), a refresh when
 * it is invalid, and the user data with `getUserData` when `needUser`. A refusal of the user
 * data right after a positive validation means the access token ended in between (expired or
 * revoked): the pair is refreshed once, and a refused refresh ends the session; never a 503.
 * A refresh token the client rotated within its `refreshGracePeriod` yields the same new pair.
 * @throws the client's errors for service failures (HttpError 5xx/408/429, TimeoutError,
 * NetworkError, RefreshOutcomeUnknownError, InvalidSignedAnswerError), never for a refusal.
 */
export async function checkSession(deps: SessionDeps, access: string, refresh: string, needUser: boolean): Promise<SessionCheck> {
  const { client, cache } = deps;
  let rotated = false;
  if (!cache.isValid(access)) {
    if (await client.validateAccessToken(access)) {
      cache.remember(access);
    } else {
      const pair = await refreshOrEnd(deps, refresh);
      if (!pair) return { kind: 'ended' };
      [access, refresh, rotated] = [pair.access_token, pair.refresh_token, true];
    }
  }
  if (!needUser) return { kind: 'valid', access, refresh, rotated };

  let user = cache.user(access);
  if (user) return { kind: 'valid', access, refresh, rotated, user };
  try {
    user = await readUser(deps, access);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    cache.evict(access);
    if (rotated) return { kind: 'ended' };
    const pair = await refreshOrEnd(deps, refresh);
    if (!pair) return { kind: 'ended' };
    [access, refresh, rotated] = [pair.access_token, pair.refresh_token, true];
    try {
      user = await readUser(deps, access);
    } catch (again) {
      if (isRefusal(again)) return { kind: 'ended' };
      throw again;
    }
  }
  cache.remember(access, user);
  return { kind: 'valid', access, refresh, rotated, user };
}

/** `getUserData`, one request for concurrent reads of one access token. */
export function readUser(deps: SessionDeps, access: string): Promise<UserData> {
  return deps.userReads.run(access, () => deps.client.getUserData(access));
}

/**
 * The new pair, or undefined when the service refuses the refresh token (used, revoked,
 * expired). The client's token rotation record (core's `refreshGracePeriod`) answers a refresh
 * token it rotated a moment ago (another tab, another request) with the same pair, and lets a
 * concurrent request wait for a refresh under way instead of sending a second one.
 */
async function refreshOrEnd(deps: SessionDeps, refresh: string): Promise<TokenPair | undefined> {
  let pair: TokenPair;
  try {
    pair = await deps.client.getAccessTokenFromRefreshToken(refresh);
  } catch (error) {
    if (isRefusal(error)) return undefined;
    throw error;
  }
  deps.cache.remember(pair.access_token);
  return pair;
}

/** A 4xx answer other than 408 and 429: the service refuses the token (the core's "invalid token" rule). */
export function isRefusal(error: unknown): boolean {
  return error instanceof HttpError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}
