import { MemoryRoleStore } from '@authlite/store-memory';
import { listRoles } from '../../endpoints/rbac.ts';
import { RoleCache } from '../../roles/role-cache.ts';
import { type HandleState, requireOrgId } from '../handle.ts';

/**
 * The handle's role cache, made on first use over the `roleStore` option (else a store of its
 * own). From then on the transport hands it each answer's `X-EDGE` count.
 * @throws ConfigurationError (option `orgId`) when the handle has no `orgId`.
 */
export function roleCacheOf(state: HandleState): RoleCache {
  if (state.roleCache) return state.roleCache;
  const orgId = requireOrgId(state, 'roles');
  const { options, clock } = state;
  state.roleCache = new RoleCache({
    orgId,
    store: options.roleStore ?? new MemoryRoleStore(),
    maxAgeS: options.maxAge,
    storeTimeoutMs: options.storeTimeoutMs,
    nowS: () => clock.nowMs() / 1000,
    fetchRoles: () => listRoles(state.context(), orgId),
  });
  return state.roleCache;
}
