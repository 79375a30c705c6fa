import type { RoleIndex, UserData } from '@authlite/core';
import { isRefusal, readUser } from './session-check.ts';
import type { SessionConfig } from './session-config.ts';
import { readSession } from './session-cookies.ts';

/** The signed-in user, as server code sees them. */
export interface Session {
  /** The verified user data (`GET /api/user/me/data`): at least `uid`, `email`, `img`. */
  user: UserData;
  /** The user's role ids (from `rolesOf`). */
  roles: string[];
  /** True when one of the user's roles gives permission `key` the value `value` (the client's role cache, no request). */
  can(key: string, value: string): boolean;
}

/**
 * The session of these request cookies, or null when there is none: no cookies, unreadable
 * ones, an access token the service refuses (expired or revoked; the proxy refreshes on the
 * routes it guards), or user data it refuses. Uses the session cache, so a page behind the
 * proxy usually sends no request of its own.
 * @throws the client's errors when the service fails (HttpError 5xx, TimeoutError, NetworkError).
 */
export async function sessionOf(cookies: ReadonlyMap<string, string>, config: SessionConfig): Promise<Session | null> {
  const stored = readSession(cookies, config.cookieNames);
  if (stored.kind !== 'tokens') return null;
  const client = config.client();
  const { cache } = config;
  let user = cache.user(stored.access);
  if (!user) {
    if (!cache.isValid(stored.access) && !(await client.validateAccessToken(stored.access))) return null;
    try {
      user = await readUser({ client, cache, userReads: config.userReads }, stored.access);
    } catch (error) {
      if (isRefusal(error)) {
        cache.evict(stored.access);
        return null;
      }
      throw error;
    }
    cache.remember(stored.access, user);
  }
  const roles = config.rolesOf(user);
  const index: RoleIndex = await client.roles.load();
  return { user, roles, can: (key, value) => roles.some((role) => index.can(role, key, value)) };
}
