import { type AuthLiteClient, HttpError, type TokenPair, type UserData } from '@authlite/core';
import type { RotationRecord } from './rotation-record.ts';
import type { SessionCache } from './session-cache.ts';
import type { SingleFlight } from './single-flight.ts';

/** What {@link checkSession} works with: the client, the session cache, the user reads in progress, the recent rotations. */
export interface SessionDeps {
  client: AuthLiteClient;
  cache: SessionCache;
  userReads: SingleFlight<UserData>;
  rotations: RotationRecord;
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
 * A refresh token rotated by this helper within the grace period yields the same new pair.
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
 * expired). A refresh token this helper rotated within the grace period yields the same pair
 * again, without a request (another tab sent it a moment later).
 */
async function refreshOrEnd(deps: SessionDeps, refresh: string): Promise<TokenPair | undefined> {
  const recent = deps.rotations.pairFor(refresh);
  if (recent) return recent;
  // A rotation of this token under way in this instance (another request): take its pair rather
  // than send a second refresh that the service would refuse (on Workers requests do not share one).
  // Checked and begun with no await in between, so two requests cannot both start one.
  if (deps.rotations.isUnderway(refresh)) {
    const other = await deps.rotations.otherRotation(refresh);
    if (other) return other;
  }
  let pair: TokenPair;
  deps.rotations.begin(refresh);
  try {
    pair = await deps.client.getAccessTokenFromRefreshToken(refresh);
  } catch (error) {
    deps.rotations.end(refresh);
    if (isRefusal(error)) return undefined;
    throw error;
  }
  deps.rotations.remember(refresh, pair);
  deps.rotations.end(refresh, pair);
  deps.cache.remember(pair.access_token);
  return pair;
}

/** A 4xx answer other than 408 and 429: the service refuses the token (the core's "invalid token" rule). */
export function isRefusal(error: unknown): boolean {
  return error instanceof HttpError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}
