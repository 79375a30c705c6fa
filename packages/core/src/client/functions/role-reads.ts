import type { RoleIndex } from '../../roles/role-index.ts';
import type { Role } from '../../schemas/answers.ts';
import { RoleIdSchema } from '../../schemas/inputs.ts';
import { parseInput } from '../../schemas/parse-input.ts';
import { type Permission, permissionPart } from '../../schemas/permission.ts';
import type { CallOptions } from '../../shared/call-options.ts';
import { refuseUnknownKeys } from '../../shared/known-keys.ts';
import { raceSignal } from '../../shared/race-signal.ts';
import { type AuthLiteHandle, type HandleState, stateOf } from '../handle.ts';
import { roleCacheOf } from './role-cache-of.ts';

const isKey = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 256;
/** Most role ids remembered as well-formed; past it the memory starts over. */
const CHECKED_ROLE_IDS_MAX = 1024;

function loadIndex(state: HandleState, options: CallOptions | undefined): Promise<RoleIndex> {
  refuseUnknownKeys(options);
  return raceSignal(roleCacheOf(state).index(), options?.signal);
}

/**
 * The loaded role index, synchronised first when needed (`GET /rbac/role` only when the role
 * cache must be filled; see the `maxAge` option, seconds), for synchronous checks in hot code.
 * The function form of `client.roles.load`.
 * @param auth a handle from {@link createHandle}.
 * @returns the {@link RoleIndex}: `can(roleId, key, value)`, `permissionsOf`, `count` and more.
 * @throws ConfigurationError without `orgId` or for an unknown option; the errors of `GET /rbac/role` when it must be fetched.
 * @example
 * const index = await loadRoles(auth);
 * const allowed = roleIds.some((id) => index.can(id, 'billing', 'write'));
 */
export async function loadRoles(auth: AuthLiteHandle, options?: CallOptions): Promise<RoleIndex> {
  return loadIndex(stateOf(auth), options);
}

/**
 * Re-fetches `GET /rbac/role` now, whatever the role cache holds. The function form of
 * `client.roles.refresh`.
 * @param auth a handle from {@link createHandle}.
 * @throws ConfigurationError without `orgId` or for an unknown option; HttpError, TimeoutError, NetworkError, UnexpectedAnswerError.
 * @example
 * const index = await refreshRoles(auth);
 */
export async function refreshRoles(auth: AuthLiteHandle, options?: CallOptions): Promise<RoleIndex> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  return raceSignal(roleCacheOf(state).refresh(), options?.signal);
}

/**
 * Every role of the organisation, fetched now from `GET /rbac/role`; the role cache is replaced
 * with the answer. The function form of `client.roles.getAllRoles`.
 * @param auth a handle from {@link createHandle}.
 * @throws as {@link refreshRoles}.
 * @example
 * const names = (await getAllRoles(auth)).map((role) => role.name);
 */
export async function getAllRoles(auth: AuthLiteHandle, options?: CallOptions): Promise<Role[]> {
  return (await refreshRoles(auth, options)).roles();
}

/**
 * Reads the role cache (filled from `GET /rbac/role` on first use), with the Python client's
 * semantics for each combination:
 * - `queryRoles(auth)`: every role id → its permission list;
 * - `queryRoles(auth, roleId)`: that role's permission list, or `null` for an unknown role;
 * - `queryRoles(auth, undefined, key)`: role id → the values it gives `key`, for each role that has it;
 * - `queryRoles(auth, roleId, key)`: the values role `roleId` gives `key`, or `null`.
 * The function form of `client.roles.query`.
 * @param auth a handle from {@link createHandle}.
 * @throws ValidationError before any request; ConfigurationError; the errors of `GET /rbac/role` when it must be fetched.
 * @example
 * const values = await queryRoles(auth, roleId, 'billing'); // ['read', 'write'] or null
 */
export function queryRoles(auth: AuthLiteHandle): Promise<Record<string, Permission[]>>;
export function queryRoles(
  auth: AuthLiteHandle,
  roleId: string,
  permissionKey?: undefined,
  options?: CallOptions,
): Promise<Permission[] | null>;
export function queryRoles(
  auth: AuthLiteHandle,
  roleId: undefined,
  permissionKey: string,
  options?: CallOptions,
): Promise<Record<string, string[]>>;
export function queryRoles(auth: AuthLiteHandle, roleId: string, permissionKey: string, options?: CallOptions): Promise<string[] | null>;
export function queryRoles(
  auth: AuthLiteHandle,
  roleId: undefined,
  permissionKey: undefined,
  options: CallOptions,
): Promise<Record<string, Permission[]>>;
export async function queryRoles(auth: AuthLiteHandle, roleId?: string, permissionKey?: string, options?: CallOptions): Promise<unknown> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  const id = roleId === undefined ? undefined : parseInput(RoleIdSchema, roleId, 'roleId');
  const key = permissionKey === undefined ? undefined : parseInput(permissionPart, permissionKey, 'permissionKey');
  const index = await loadIndex(state, options);
  if (id !== undefined && key !== undefined) return index.valuesOf(id, key);
  if (id !== undefined) return index.permissionsOf(id);
  if (key !== undefined) return index.rolesWithKey(key);
  return index.all();
}

/** Throws the ValidationError of the first malformed argument; remembers a well-formed role id. */
function checkPermissionArgs(checked: Set<string>, roleId: string, permissionKey: string, permissionValue: string): void {
  parseInput(RoleIdSchema, roleId, 'roleId');
  parseInput(permissionPart, permissionKey, 'permissionKey');
  parseInput(permissionPart, permissionValue, 'permissionValue');
  if (checked.size >= CHECKED_ROLE_IDS_MAX) checked.clear();
  checked.add(roleId);
}

/**
 * Does role `roleId` give permission `permissionKey` the value `permissionValue`? Checked on
 * the role cache; `GET /rbac/role` is called only when the cache must be (re)filled. The
 * function form of `client.roles.validate`.
 * @param auth a handle from {@link createHandle}.
 * @throws ValidationError before any request; ConfigurationError; the errors of `GET /rbac/role` when it must be fetched.
 * @example
 * if (!(await validatePermission(auth, roleId, 'billing', 'write'))) return new Response('Forbidden', { status: 403 });
 */
export async function validatePermission(
  auth: AuthLiteHandle,
  roleId: string,
  permissionKey: string,
  permissionValue: string,
  options?: CallOptions,
): Promise<boolean> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  // The hot path: arguments the schemas accept skip valibot (role ids by a Set lookup instead
  // of the pattern); anything else goes through parseInput for the same ValidationError.
  const checked = (state.checkedRoleIds ??= new Set());
  if (!(checked.has(roleId) && isKey(permissionKey) && isKey(permissionValue)))
    checkPermissionArgs(checked, roleId, permissionKey, permissionValue);
  // With a fresh index loaded no promise is chained.
  const index = state.roleCache?.current() ?? (await loadIndex(state, options));
  return index.can(roleId, permissionKey, permissionValue);
}

/**
 * Number of roles in the role cache. The function form of `client.roles.countRoles`.
 * @param auth a handle from {@link createHandle}.
 * @throws as {@link loadRoles}.
 * @example
 * const count = await countRoles(auth);
 */
export async function countRoles(auth: AuthLiteHandle, options?: CallOptions): Promise<number> {
  return (await loadRoles(auth, options)).count();
}
