import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, HttpError, ValidationError } from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator();

const { admin, editor, viewer } = DEFAULT_ROLE_IDS;
const rolesFetches = async () => (await emu.requests()).filter((r) => r.method === 'GET' && r.path === '/rbac/role').length;

describe('role cache', () => {
  it('fills from GET /rbac/role once and answers query/validate/countRoles from it', async () => {
    const client = emu.client();
    expect(await client.roles.countRoles()).toBe(3);
    expect(await client.roles.validate(admin, 'billing', 'write')).toBe(true);
    expect(await client.roles.validate(admin, 'billing', 'read')).toBe(false);
    expect(await client.roles.validate(viewer, 'billing', 'write')).toBe(false);
    expect(await rolesFetches()).toBe(1);
  });

  it('sees every permission of a role, not only the first (the Python defect)', async () => {
    const client = emu.client();
    expect(await client.roles.validate(admin, 'reports', 'read')).toBe(true);
    expect(await client.roles.validate(editor, 'posts', 'publish')).toBe(true);
    expect(await client.roles.validate(editor, 'posts', 'write')).toBe(true);
    expect(await client.roles.query(editor, 'posts')).toEqual(['write', 'publish']);
  });

  it('query follows the seed semantics for each combination of arguments', async () => {
    const client = emu.client();
    const all = await client.roles.query();
    expect(Object.keys(all).sort()).toEqual([admin, editor, viewer].sort());
    expect(all[viewer]).toEqual([{ posts: 'read' }, { reports: 'read' }]);
    expect(await client.roles.query(viewer)).toEqual([{ posts: 'read' }, { reports: 'read' }]);
    expect(await client.roles.query('rol_zzz_0000000000000000')).toBeNull();
    expect(await client.roles.query(undefined, 'billing')).toEqual({ [admin]: ['write'] });
    expect(await client.roles.query(undefined, 'reports')).toEqual({ [admin]: ['read'], [editor]: ['read'], [viewer]: ['read'] });
    expect(await client.roles.query(admin, 'posts')).toBeNull();
    expect(await client.roles.query(viewer, 'posts')).toEqual(['read']);
  });

  it('the synchronous index answers the same as validate', async () => {
    const index = await emu.client().roles.load();
    expect(index.can(admin, 'user', 'administration')).toBe(true);
    expect(index.can(admin, 'user', 'nobody')).toBe(false);
    expect(index.can('rol_zzz_0000000000000000', 'user', 'administration')).toBe(false);
    expect(index.count()).toBe(3);
  });

  it('needs an orgId', async () => {
    await expect(emu.client({ orgId: undefined }).roles.countRoles()).rejects.toBeInstanceOf(ConfigurationError);
    expect(await emu.requests()).toEqual([]);
  });
});

describe('role and permission CRUD, with the cache written through', () => {
  it('addRole, addPermission, deletePermission, deleteRole and what the cache says after each', async () => {
    const client = emu.client();
    expect(await client.roles.countRoles()).toBe(3);

    const role = await client.roles.addRole('support', [{ tickets: 'read' }, { tickets: 'reply' }]);
    expect(role.rol_id).toMatch(/^rol_[A-Za-z0-9]{3}_[a-f0-9]{16}$/);
    expect(role.name).toBe('support');
    expect(role.org_id).toBe(emu.orgId);
    expect(role.permissions).toEqual([{ tickets: 'read' }, { tickets: 'reply' }]);
    expect(await client.roles.countRoles()).toBe(4);
    expect(await client.roles.validate(role.rol_id, 'tickets', 'reply')).toBe(true);

    const added = await client.roles.addPermission(role.rol_id, { tickets: 'close', kb: 'edit' });
    expect(added.rol_id).toBe(role.rol_id);
    expect(added.permissions).toEqual([{ tickets: 'close' }, { kb: 'edit' }]);
    expect(await client.roles.query(role.rol_id, 'tickets')).toEqual(['read', 'reply', 'close']);

    const remaining = await client.roles.deletePermission(role.rol_id, [{ tickets: 'read' }]);
    expect(remaining.permissions).toEqual([{ tickets: 'reply' }, { tickets: 'close' }, { kb: 'edit' }]);
    expect(await client.roles.validate(role.rol_id, 'tickets', 'read')).toBe(false);
    expect(await client.roles.validate(role.rol_id, 'kb', 'edit')).toBe(true);

    const deleted = await client.roles.deleteRole(role.rol_id);
    expect(deleted.rol_id).toBe(role.rol_id);
    expect(await client.roles.countRoles()).toBe(3);
    expect(await client.roles.query(role.rol_id)).toBeNull();

    // The client's own writes never needed a second GET /rbac/role.
    expect(await rolesFetches()).toBe(1);
    // And the cache agrees with the service.
    const remote = await client.roles.getAllRoles();
    expect(remote.map((r) => r.rol_id).sort()).toEqual([admin, editor, viewer].sort());
  });

  it('a failed write changes nothing in the cache', async () => {
    const client = emu.client();
    await client.roles.countRoles();
    const error = await client.roles.deleteRole('rol_zzz_0000000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(404);
    expect(await client.roles.countRoles()).toBe(3);
  });

  it('a role added by a second client is seen after the next answer carries a new X-EDGE', async () => {
    const a = emu.client();
    const b = emu.client();
    expect(await a.roles.countRoles()).toBe(3);
    const role = await b.roles.addRole('auditor', { audit: 'read' });
    // a's cache still holds 3 roles: nothing told it yet.
    expect(await a.roles.validate(role.rol_id, 'audit', 'read')).toBe(false);
    // Any answer carries X-EDGE: 4, which differs from a's cached 3.
    const user = await a.getUser(await emu.login('alice@example.com'));
    expect(user.email).toBe('alice@example.com');
    expect(await a.roles.validate(role.rol_id, 'audit', 'read')).toBe(true);
    expect(await a.roles.countRoles()).toBe(4);
  });

  it('refresh() re-fetches on demand (an edit that keeps the count)', async () => {
    const a = emu.client();
    const b = emu.client();
    expect(await a.roles.validate(viewer, 'comments', 'write')).toBe(false);
    await b.roles.addPermission(viewer, [{ comments: 'write' }]);
    expect(await a.roles.validate(viewer, 'comments', 'write')).toBe(false);
    await a.roles.refresh();
    expect(await a.roles.validate(viewer, 'comments', 'write')).toBe(true);
  });

  it('maxAge 0 makes every check re-fetch', async () => {
    const client = emu.client({ maxAge: 0 });
    await client.roles.countRoles();
    await client.roles.countRoles();
    expect(await rolesFetches()).toBe(2);
  });

  it('rejects bad role input before any request', async () => {
    const client = emu.client();
    await expect(client.roles.addRole('', { a: 'b' })).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT', field: 'name' });
    await expect(client.roles.addRole('x', [])).rejects.toMatchObject({ field: 'permissions' });
    await expect(client.roles.addRole('x', [{ a: 'b', c: 'd' }])).rejects.toBeInstanceOf(ValidationError);
    await expect(client.roles.deleteRole('admin')).rejects.toMatchObject({ field: 'roleId' });
    await expect(client.roles.validate(admin, '', 'x')).rejects.toMatchObject({ field: 'permissionKey' });
    expect(await emu.requests()).toEqual([]);
  });
});

describe('role assignment', () => {
  const bob = async () => emu.client().getUser(await emu.login('bob@example.com'));

  it('attachRole, removeRole and updateRole with one id or a list', async () => {
    const client = emu.client();
    const user = await bob();
    const attached = await client.attachRole(user.uid, editor);
    expect(attached).toMatchObject({ uid: user.uid });
    expect((attached as { roles: string[] }).roles.sort()).toEqual([editor, viewer].sort());
    const removed = await client.removeRole(user.uid, [editor, viewer]);
    expect((removed as { roles: string[] }).roles).toEqual([]);
    const updated = await client.updateRole(user.uid, { add: [admin], remove: viewer });
    expect((updated as { roles: string[] }).roles).toEqual([admin]);
  });

  it('with sign-off, ends the session and returns SignOffSessionReplace', async () => {
    const client = emu.client();
    const user = await bob();
    const replaced = await client.attachRole(user.uid, admin, {
      signoffSessionAndAssign: true,
      accessToken: user.access_token,
      refreshToken: user.refresh_token,
    });
    expect(replaced.uid).toBe(user.uid);
    expect(replaced.role.sort()).toEqual([admin, viewer].sort());
    expect(replaced.access_token).not.toBe(user.access_token);
    expect(await client.validateAccessToken(user.access_token)).toBe(false);
    expect(await client.validateAccessToken(replaced.access_token)).toBe(true);
  });

  it('sign-off without both tokens is a ValidationError (the Python ParseError), sent nowhere', async () => {
    const client = emu.client();
    await expect(
      client.attachRole('b0b00000000000000000000000000002', admin, { signoffSessionAndAssign: true, accessToken: 'x' } as never),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT', field: 'options.refreshToken' });
    await expect(client.attachRole('b0b00000000000000000000000000002', [])).rejects.toMatchObject({ field: 'roleIds' });
    expect(await emu.requests()).toEqual([]);
  });
});

describe('role writes with an unknown outcome', () => {
  it('an aborted write marks the cache stale: the next check sees what the service did', async () => {
    const client = emu.client();
    expect(await client.roles.countRoles()).toBe(3);
    await emu.faults([{ path: '/rbac/permission', method: 'POST', delay_ms: 400, times: 1 }]);
    const slow = await client.roles
      .addPermission(viewer, { comments: 'write' }, { signal: AbortSignal.timeout(100) })
      .catch((e: unknown) => e);
    expect((slow as Error).name).toBe('TimeoutError');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The service applied it (the real handler ran after the delay); the count is unchanged,
    // so no X-EDGE would have told the cache: only the invalidation does.
    expect(await client.roles.validate(viewer, 'comments', 'write')).toBe(true);
    expect(await rolesFetches()).toBe(2);
  });
});
