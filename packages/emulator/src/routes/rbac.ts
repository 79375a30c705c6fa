import { type Context, Hono } from 'hono';
import { ApiError } from '../http/api-error.ts';
import { authenticate, requireSameOrg } from '../http/authenticate.ts';
import { booleanField, optionalStringField, permissionsField, readJsonObject, stringArrayField, stringField } from '../http/body.ts';
import { requireQuery } from '../http/query.ts';
import type { OrgState } from '../state/organisations.ts';
import { addPermissions, copyRole, createRole, deleteRole, findRole, type RoleRecord, removePermissions } from '../state/roles.ts';
import { findActiveToken, issueTokenPair, revokeSession } from '../state/tokens.ts';
import { changeUserRoles, dropRoleFromUsers } from '../state/users.ts';
import type { World } from '../state/world.ts';

/**
 * RBAC routes: `GET|POST|DELETE /rbac/role`, `POST|DELETE /rbac/permission`
 * and `POST /rbac/assign/permission`. Every call needs `org_id`, `api_key`,
 * `signed_key` in the query; bodies (except assign) also carry `org_id`.
 */
export function rbacRoutes(world: World): Hono {
  const app = new Hono();

  /** Authenticates, then checks the query org_id (422 missing, 403 foreign). */
  async function orgOf(c: Context): Promise<OrgState> {
    const org = await authenticate(c, world);
    requireSameOrg(org, requireQuery(c, 'org_id'));
    return org;
  }

  /** Reads the JSON body and checks its org_id (422 missing, 403 foreign). */
  async function bodyOf(c: Context, org: OrgState, orgIdRequired = true): Promise<Record<string, unknown>> {
    const body = await readJsonObject(c);
    if (orgIdRequired || body['org_id'] !== undefined) requireSameOrg(org, stringField(body, 'org_id'));
    return body;
  }

  function roleOf(org: OrgState, rolId: string): RoleRecord {
    const role = findRole(org.roles, rolId);
    if (!role) throw new ApiError(404, 'Role not found');
    return role;
  }

  app.get('/rbac/role', async (c) => {
    const org = await orgOf(c);
    return c.json(org.roles.map(copyRole));
  });

  app.post('/rbac/role', async (c) => {
    const org = await orgOf(c);
    const body = await bodyOf(c, org);
    const name = stringField(body, 'name');
    const permissions = permissionsField(body);
    return c.json(copyRole(createRole(org.roles, org.org_id, name, permissions)));
  });

  app.delete('/rbac/role', async (c) => {
    const org = await orgOf(c);
    const body = await bodyOf(c, org);
    const rolId = stringField(body, 'rol_id');
    roleOf(org, rolId);
    const removed = deleteRole(org.roles, rolId);
    dropRoleFromUsers(org.users, rolId);
    return c.json(removed ? copyRole(removed) : null);
  });

  app.post('/rbac/permission', async (c) => {
    const org = await orgOf(c);
    const body = await bodyOf(c, org);
    const rolId = stringField(body, 'rol_id');
    const permissions = permissionsField(body);
    const role = roleOf(org, rolId);
    return c.json({ org_id: org.org_id, rol_id: role.rol_id, permissions: addPermissions(role, permissions) });
  });

  app.delete('/rbac/permission', async (c) => {
    const org = await orgOf(c);
    const body = await bodyOf(c, org);
    const rolId = stringField(body, 'rol_id');
    const permissions = permissionsField(body);
    const role = roleOf(org, rolId);
    return c.json({ org_id: org.org_id, rol_id: role.rol_id, permissions: removePermissions(role, permissions) });
  });

  app.post('/rbac/assign/permission', async (c) => {
    const org = await orgOf(c);
    const body = await bodyOf(c, org, false);
    const uid = stringField(body, 'uid');
    const add = stringArrayField(body, 'rol_id');
    const remove = stringArrayField(body, 'inplace');
    const signoff = booleanField(body, 'signoff_session_and_assign');
    const accessToken = optionalStringField(body, 'AccessToken');
    const refreshToken = optionalStringField(body, 'RefreshToken');
    if (signoff && (!accessToken || !refreshToken)) {
      throw new ApiError(422, 'signoff_session_and_assign needs both AccessToken and RefreshToken');
    }
    const user = org.users.get(uid);
    if (!user) throw new ApiError(404, 'User not found');
    for (const id of [...add, ...remove]) roleOf(org, id);

    if (!signoff) return c.json({ uid: user.uid, roles: changeUserRoles(user, add, remove) });

    const access = findActiveToken(org.tokens, world.clock, accessToken ?? '', 'access');
    const refresh = findActiveToken(org.tokens, world.clock, refreshToken ?? '', 'refresh');
    if (!access || !refresh || access.uid !== user.uid || refresh.uid !== user.uid) {
      throw new ApiError(401, 'AccessToken and RefreshToken must be active tokens of this user');
    }
    const roles = changeUserRoles(user, add, remove);
    revokeSession(org.tokens, world.clock, access.sid);
    revokeSession(org.tokens, world.clock, refresh.sid);
    const pair = await issueTokenPair(org.tokens, world.clock, org.tokenSettings, user.uid, roles);
    return c.json({ uid: user.uid, access_token: pair.access.token, refresh_token: pair.refresh.token, role: roles });
  });

  return app;
}
