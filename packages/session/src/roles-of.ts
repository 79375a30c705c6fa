import type { UserData } from '@authlite/core';

/** The user's role ids: the `roles` claim of their user data when it is a list of strings, else none. */
export function defaultRolesOf(user: UserData): string[] {
  const roles = (user as Record<string, unknown>)['roles'];
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}
