import { newUid } from './ids.ts';

/** A user of one organisation. */
export interface UserRecord {
  uid: string;
  email: string;
  name: string;
  img: string;
  /** Role ids assigned to the user, in assignment order. */
  roles: string[];
}

/** Image URL given to users created on the fly (login of a new email). */
export const DEFAULT_IMG = 'https://example.com/avatars/default.png';

/** Users of an organisation, keyed by uid, with an index by lowercase email (emails never change). */
export class UserTable extends Map<string, UserRecord> {
  readonly #byEmail = new Map<string, UserRecord>();

  override set(uid: string, user: UserRecord): this {
    const previous = this.get(uid);
    if (previous) this.#byEmail.delete(previous.email.toLowerCase());
    this.#byEmail.set(user.email.toLowerCase(), user);
    return super.set(uid, user);
  }

  override delete(uid: string): boolean {
    const previous = this.get(uid);
    if (previous) this.#byEmail.delete(previous.email.toLowerCase());
    return super.delete(uid);
  }

  override clear(): void {
    this.#byEmail.clear();
    super.clear();
  }

  /** The user with this email (case-insensitive), if any. */
  byEmail(email: string): UserRecord | undefined {
    return this.#byEmail.get(email.toLowerCase());
  }
}

/** The user with this email (case-insensitive), if any. */
export function findUserByEmail(users: UserTable, email: string): UserRecord | undefined {
  return users.byEmail(email);
}

/** The user with this email, created (name = the email's local part) when new. */
export function findOrCreateUser(users: UserTable, email: string): UserRecord {
  const found = findUserByEmail(users, email);
  if (found) return found;
  const user: UserRecord = {
    uid: newUid(),
    email,
    name: email.split('@')[0] ?? email,
    img: DEFAULT_IMG,
    roles: [],
  };
  users.set(user.uid, user);
  return user;
}

/** Whether `value` looks like an email address (something@something). */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value) && value.length <= 320;
}

/** Removes `remove` then appends the ids of `add` the user lacks. */
export function changeUserRoles(user: UserRecord, add: readonly string[], remove: readonly string[]): string[] {
  const next = user.roles.filter((id) => !remove.includes(id));
  for (const id of add) if (!next.includes(id)) next.push(id);
  user.roles = next;
  return [...next];
}

/** Removes a (deleted) role id from every user. */
export function dropRoleFromUsers(users: UserTable, rolId: string): void {
  for (const user of users.values()) user.roles = user.roles.filter((id) => id !== rolId);
}

/** Applies the given profile fields; answers whether anything changed. */
export function updateProfile(user: UserRecord, profile: { name?: string | undefined; img?: string | undefined }): boolean {
  const name = profile.name ?? user.name;
  const img = profile.img ?? user.img;
  const changed = name !== user.name || img !== user.img;
  user.name = name;
  user.img = img;
  return changed;
}
