import * as v from 'valibot';
import type { EndpointContext } from '../endpoints/context.ts';
import { addPermissions, createRole, removePermissions, removeRoleById } from '../endpoints/rbac.ts';
import { HttpError } from '../errors/authlite-error.ts';
import type { AddPermissionResponse, AddRoleResponse, DeletePermissionResponse, DeleteRoleResponse, Role } from '../schemas/answers.ts';
import { PermissionListSchema, PermissionsInputSchema, RoleIdSchema, RoleNameSchema } from '../schemas/inputs.ts';
import { parseInput } from '../schemas/parse-input.ts';
import { type Permission, permissionPart } from '../schemas/permission.ts';
import type { CallOptions } from '../shared/call-options.ts';
import { refuseUnknownKeys } from '../shared/known-keys.ts';
import { raceSignal } from '../shared/race-signal.ts';
import type { RoleCache } from './role-cache.ts';
import type { RoleIndex } from './role-index.ts';
import { withoutRole, withPermissions, withRemainingPermissions, withRole } from './role-writes.ts';
import type { PermissionsInput, Roles } from './roles.ts';

const KeySchema = permissionPart;
const OptionalRoleId = /* @__PURE__ */ v.optional(RoleIdSchema);
const isKey = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 256;
/** Most role ids remembered as well-formed; past it the memory starts over. */
const CHECKED_ROLE_IDS_MAX = 1024;
const OptionalKey = /* @__PURE__ */ v.optional(KeySchema);

/** Checked permissions as a list of fresh one-entry objects. A list is checked as a list, so its messages name the list's limits. */
function parsePermissions(input: PermissionsInput): Permission[] {
  if (Array.isArray(input)) return parseInput(PermissionListSchema, input, 'permissions').map((p) => ({ ...p }));
  const entries = parseInput(PermissionsInputSchema, input, 'permissions') as Record<string, string>;
  return Object.entries(entries).map(([key, value]) => ({ [key]: value }));
}

/**
 * The implementation of {@link Roles} over a client's role cache; method documentation is on
 * the interface. Built by `AuthLiteClient`, not exported.
 */
export class RolesApi implements Roles {
  readonly #ctx: (options?: CallOptions) => EndpointContext;
  readonly #orgId: () => string;
  readonly #cache: RoleCache;

  constructor(ctx: (options?: CallOptions) => EndpointContext, orgId: () => string, cache: RoleCache) {
    this.#ctx = ctx;
    this.#orgId = orgId;
    this.#cache = cache;
  }

  async getAllRoles(options?: CallOptions): Promise<Role[]> {
    refuseUnknownKeys(options);
    this.#orgId();
    return (await raceSignal(this.#cache.refresh(), options?.signal)).roles();
  }

  async addRole(name: string, permissions: PermissionsInput, options?: CallOptions): Promise<AddRoleResponse> {
    refuseUnknownKeys(options);
    const validName = parseInput(RoleNameSchema, name, 'name');
    const list = parsePermissions(permissions);
    const orgId = this.#orgId();
    const { value, edge } = await this.#write(() => createRole(this.#ctx(options), orgId, validName, list));
    await this.#cache.applyWrite(withRole(value), edge);
    return value;
  }

  async deleteRole(roleId: string, options?: CallOptions): Promise<DeleteRoleResponse> {
    refuseUnknownKeys(options);
    const id = parseInput(RoleIdSchema, roleId, 'roleId');
    const orgId = this.#orgId();
    const { value, edge } = await this.#write(() => removeRoleById(this.#ctx(options), orgId, id));
    await this.#cache.applyWrite(withoutRole(id), edge);
    return value;
  }

  async addPermission(roleId: string, permissions: PermissionsInput, options?: CallOptions): Promise<AddPermissionResponse> {
    refuseUnknownKeys(options);
    const id = parseInput(RoleIdSchema, roleId, 'roleId');
    const list = parsePermissions(permissions);
    const orgId = this.#orgId();
    const { value, edge } = await this.#write(() => addPermissions(this.#ctx(options), orgId, id, list));
    await this.#cache.applyWrite(withPermissions(id, value.permissions), edge);
    return value;
  }

  async deletePermission(roleId: string, permissions: PermissionsInput, options?: CallOptions): Promise<DeletePermissionResponse> {
    refuseUnknownKeys(options);
    const id = parseInput(RoleIdSchema, roleId, 'roleId');
    const list = parsePermissions(permissions);
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

  query(): Promise<Record<string, Permission[]>>;
  query(roleId: string, permissionKey?: undefined, options?: CallOptions): Promise<Permission[] | null>;
  query(roleId: undefined, permissionKey: string, options?: CallOptions): Promise<Record<string, string[]>>;
  query(roleId: string, permissionKey: string, options?: CallOptions): Promise<string[] | null>;
  query(roleId: undefined, permissionKey: undefined, options: CallOptions): Promise<Record<string, Permission[]>>;
  async query(roleId?: string, permissionKey?: string, options?: CallOptions): Promise<unknown> {
    refuseUnknownKeys(options);
    const id = parseInput(OptionalRoleId, roleId, 'roleId');
    const key = parseInput(OptionalKey, permissionKey, 'permissionKey');
    const index = await this.load(options);
    if (id !== undefined && key !== undefined) return index.valuesOf(id, key);
    if (id !== undefined) return index.permissionsOf(id);
    if (key !== undefined) return index.rolesWithKey(key);
    return index.all();
  }

  async validate(roleId: string, permissionKey: string, permissionValue: string, options?: CallOptions): Promise<boolean> {
    refuseUnknownKeys(options);
    // The hot path: arguments the schemas accept skip valibot; anything else goes through
    // parseInput for the same ValidationError.
    if (!(this.#checkedRoleIds.has(roleId) && isKey(permissionKey) && isKey(permissionValue)))
      this.#check(roleId, permissionKey, permissionValue);
    // With a fresh index loaded (the cache exists only with an orgId) no promise is chained.
    const index = this.#cache?.current() ?? (await this.load(options));
    return index.can(roleId, permissionKey, permissionValue);
  }

  /** Role ids already found well-formed: a Set lookup instead of the pattern on the hot path. Bounded. */
  readonly #checkedRoleIds = new Set<string>();

  /** Throws the ValidationError of the first malformed argument; remembers a well-formed role id. */
  #check(roleId: string, permissionKey: string, permissionValue: string): void {
    parseInput(RoleIdSchema, roleId, 'roleId');
    parseInput(KeySchema, permissionKey, 'permissionKey');
    parseInput(KeySchema, permissionValue, 'permissionValue');
    if (this.#checkedRoleIds.size >= CHECKED_ROLE_IDS_MAX) this.#checkedRoleIds.clear();
    this.#checkedRoleIds.add(roleId);
  }

  async countRoles(options?: CallOptions): Promise<number> {
    refuseUnknownKeys(options);
    return (await this.load(options)).count();
  }

  async load(options?: CallOptions): Promise<RoleIndex> {
    refuseUnknownKeys(options);
    this.#orgId();
    return raceSignal(this.#cache.index(), options?.signal);
  }

  async refresh(options?: CallOptions): Promise<RoleIndex> {
    refuseUnknownKeys(options);
    this.#orgId();
    return raceSignal(this.#cache.refresh(), options?.signal);
  }
}
