import type { EndpointContext } from '../endpoints/context.js';
import { HttpError } from '../errors/authlite-error.js';
import { addPermissions, createRole, removePermissions, removeRoleById } from '../endpoints/rbac.js';
import type { AddPermissionResponse, AddRoleResponse, DeletePermissionResponse, DeleteRoleResponse, Role } from '../schemas/answers.js';
import { PermissionsInputSchema, ROLE_ID_PATTERN, RoleIdSchema, RoleNameSchema } from '../schemas/inputs.js';
import { parseInput } from '../schemas/parse-input.js';
import type { Permission } from '../schemas/permission.js';
import * as v from 'valibot';
import type { RoleCache } from './role-cache.js';
import type { RoleIndex } from './role-index.js';
import { withPermissions, withRemainingPermissions, withRole, withoutRole } from './role-writes.js';
import type { CallOptions } from '../shared/call-options.js';
import { raceSignal } from '../shared/race-signal.js';

const KeySchema = v.pipe(v.string('a string'), v.minLength(1, 'a non-empty string'), v.maxLength(256, 'at most 256 characters'));
const OptionalRoleId = v.optional(RoleIdSchema);
const isKey = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 256;
const OptionalKey = v.optional(KeySchema);

/** Permissions given as a list of one-entry objects or as one object of entries. */
export type PermissionsInput = Permission[] | Record<string, string>;

function toPermissionList(input: PermissionsInput): Permission[] {
  return Array.isArray(input) ? input.map((p) => ({ ...p })) : Object.entries(input).map(([key, value]) => ({ [key]: value }));
}

/**
 * RBAC: remote role and permission management (`/rbac/role`, `/rbac/permission`) and local
 * checks over the role cache. Available as `client.roles`; requires the client's `orgId`.
 * Remote writes are sent once, never retried (see the README's retry policy); after the API
 * accepted one, the cache and its store are updated at once.
 */
export class Roles {
  readonly #ctx: (options?: CallOptions) => EndpointContext;
  readonly #orgId: () => string;
  readonly #cache: RoleCache;

  /** @internal Built by `AuthLiteClient`. */
  constructor(ctx: (options?: CallOptions) => EndpointContext, orgId: () => string, cache: RoleCache) {
    this.#ctx = ctx;
    this.#orgId = orgId;
    this.#cache = cache;
  }

  /**
   * Every role of the organisation, fetched now from `GET /rbac/role`; the cache is replaced
   * with the answer.
   * @throws ConfigurationError without `orgId`; HttpError, TimeoutError, NetworkError, UnexpectedAnswerError.
   */
  async getAllRoles(options?: CallOptions): Promise<Role[]> {
    this.#orgId();
    return (await raceSignal(this.#cache.refresh(), options?.signal)).roles();
  }

  /**
   * Creates a role. `POST /rbac/role`.
   * @param name 1 to 256 characters.
   * @param permissions `[{ billing: "write" }, ...]` or `{ billing: "write", ... }`; 1 to 100.
   * @returns the new role, with its generated `rol_id`.
   * @throws ValidationError before any request; ConfigurationError without `orgId`; HttpError (422 malformed), TimeoutError, NetworkError, UnexpectedAnswerError.
   */
  async addRole(name: string, permissions: PermissionsInput, options?: CallOptions): Promise<AddRoleResponse> {
    const validName = parseInput(RoleNameSchema, name, 'name');
    const list = toPermissionList(parseInput(PermissionsInputSchema, permissions, 'permissions'));
    const orgId = this.#orgId();
    const { value, edge } = await this.#write(() => createRole(this.#ctx(options), orgId, validName, list));
    await this.#cache.applyWrite(withRole(value), edge);
    return value;
  }

  /**
   * Deletes a role. `DELETE /rbac/role`.
   * @returns the deleted role.
   * @throws ValidationError (role id form) before any request; ConfigurationError; HttpError (404 unknown role), TimeoutError, NetworkError, UnexpectedAnswerError.
   */
  async deleteRole(roleId: string, options?: CallOptions): Promise<DeleteRoleResponse> {
    const id = parseInput(RoleIdSchema, roleId, 'roleId');
    const orgId = this.#orgId();
    const { value, edge } = await this.#write(() => removeRoleById(this.#ctx(options), orgId, id));
    await this.#cache.applyWrite(withoutRole(id), edge);
    return value;
  }

  /**
   * Adds permissions to a role. `POST /rbac/permission`.
   * @returns `{ org_id, rol_id, permissions }` with only the permissions added.
   * @throws ValidationError before any request; ConfigurationError; HttpError (404 unknown role), TimeoutError, NetworkError, UnexpectedAnswerError.
   */
  async addPermission(roleId: string, permissions: PermissionsInput, options?: CallOptions): Promise<AddPermissionResponse> {
    const id = parseInput(RoleIdSchema, roleId, 'roleId');
    const list = toPermissionList(parseInput(PermissionsInputSchema, permissions, 'permissions'));
    const orgId = this.#orgId();
    const { value, edge } = await this.#write(() => addPermissions(this.#ctx(options), orgId, id, list));
    await this.#cache.applyWrite(withPermissions(id, value.permissions), edge);
    return value;
  }

  /**
   * Removes permissions from a role. `DELETE /rbac/permission`.
   * @returns `{ org_id, rol_id, permissions }` with every permission that remains.
   * @throws ValidationError before any request; ConfigurationError; HttpError (404 unknown role), TimeoutError, NetworkError, UnexpectedAnswerError.
   */
  async deletePermission(roleId: string, permissions: PermissionsInput, options?: CallOptions): Promise<DeletePermissionResponse> {
    const id = parseInput(RoleIdSchema, roleId, 'roleId');
    const list = toPermissionList(parseInput(PermissionsInputSchema, permissions, 'permissions'));
    const orgId = this.#orgId();
    const { value, edge } = await this.#write(() => removePermissions(this.#ctx(options), orgId, id, list));
    await this.#cache.applyWrite(withRemainingPermissions(id, value.permissions), edge);
    return value;
  }

  /**
   * Sends a role write. When its outcome is unknown (timeout, connection lost, unreadable
   * answer: the service may have applied it), the cache is marked stale so the next check
   * re-fetches; a refusal (an HTTP error status) changed nothing and leaves the cache as is.
   */
  async #write<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof HttpError)) this.#cache.invalidate();
      throw error;
    }
  }

  /**
   * Reads the role cache (filled from `GET /rbac/role` on first use), with the Python
   * client's semantics for each combination, but every permission of a role counts:
   * - `query()`: every role id → its permission list;
   * - `query(roleId)`: that role's permission list, or `null` for an unknown role;
   * - `query(undefined, key)`: role id → the values it gives `key`, for each role that has it;
   * - `query(roleId, key)`: the values role `roleId` gives `key`, or `null`.
   * @throws ValidationError before any request; ConfigurationError; the errors of `GET /rbac/role` when it must be fetched.
   */
  query(): Promise<Record<string, Permission[]>>;
  query(roleId: string, permissionKey?: undefined, options?: CallOptions): Promise<Permission[] | null>;
  query(roleId: undefined, permissionKey: string, options?: CallOptions): Promise<Record<string, string[]>>;
  query(roleId: string, permissionKey: string, options?: CallOptions): Promise<string[] | null>;
  query(roleId: undefined, permissionKey: undefined, options: CallOptions): Promise<Record<string, Permission[]>>;
  async query(roleId?: string, permissionKey?: string, options?: CallOptions): Promise<unknown> {
    const id = parseInput(OptionalRoleId, roleId, 'roleId');
    const key = parseInput(OptionalKey, permissionKey, 'permissionKey');
    const index = await this.load(options);
    if (id !== undefined && key !== undefined) return index.valuesOf(id, key);
    if (id !== undefined) return index.permissionsOf(id);
    if (key !== undefined) return index.rolesWithKey(key);
    return index.all();
  }

  /**
   * Does role `roleId` give permission `permissionKey` the value `permissionValue`? Checked on
   * the role cache; `GET /rbac/role` is called only when the cache must be (re)filled.
   * @throws ValidationError before any request; ConfigurationError; the errors of `GET /rbac/role` when it must be fetched.
   */
  async validate(roleId: string, permissionKey: string, permissionValue: string, options?: CallOptions): Promise<boolean> {
    // The hot path: arguments the schemas accept skip valibot; anything else goes through
    // parseInput for the same ValidationError.
    if (!(typeof roleId === 'string' && ROLE_ID_PATTERN.test(roleId) && isKey(permissionKey) && isKey(permissionValue))) {
      parseInput(RoleIdSchema, roleId, 'roleId');
      parseInput(KeySchema, permissionKey, 'permissionKey');
      parseInput(KeySchema, permissionValue, 'permissionValue');
    }
    this.#orgId();
    const index = this.#cache.current() ?? (await this.load(options));
    return index.can(roleId, permissionKey, permissionValue);
  }

  /** Number of roles in the role cache. @throws as {@link Roles.validate}. */
  async countRoles(options?: CallOptions): Promise<number> {
    return (await this.load(options)).count();
  }

  /**
   * The loaded role index, synchronised first when needed, for synchronous checks in hot
   * code: `(await client.roles.load()).can(roleId, key, value)`.
   * @throws ConfigurationError without `orgId`; the errors of `GET /rbac/role` when it must be fetched.
   */
  async load(options?: CallOptions): Promise<RoleIndex> {
    this.#orgId();
    return raceSignal(this.#cache.index(), options?.signal);
  }

  /** Re-fetches `GET /rbac/role` now, whatever the cache holds. @throws as {@link Roles.getAllRoles}. */
  async refresh(options?: CallOptions): Promise<RoleIndex> {
    this.#orgId();
    return raceSignal(this.#cache.refresh(), options?.signal);
  }
}
