import { beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, decodeJwt, ROLE, useHarness, verifyAnswer } from './helpers.js';

const h = useHarness();
let org: string;
beforeAll(() => {
  org = h.emu.org_id;
});

const q = () => ({ org_id: org });
const roles = () => h.call('GET', '/rbac/role', { query: q() });
const assign = (body: Record<string, unknown>) => h.call('POST', '/rbac/assign/permission', { query: q(), body });
const assignBody = (extra: Record<string, unknown>) => ({
  uid: ALICE.uid,
  rol_id: [],
  inplace: [],
  signoff_session_and_assign: false,
  AccessToken: null,
  RefreshToken: null,
  ...extra,
});

function defaultRoles(orgId: string) {
  return [
    {
      org_id: orgId,
      rol_id: ROLE.admin,
      name: 'admin',
      permissions: [{ user: 'administration' }, { billing: 'write' }, { reports: 'read' }],
    },
    {
      org_id: orgId,
      rol_id: ROLE.editor,
      name: 'editor',
      permissions: [{ posts: 'write' }, { posts: 'publish' }, { reports: 'read' }],
    },
    { org_id: orgId, rol_id: ROLE.viewer, name: 'viewer', permissions: [{ posts: 'read' }, { reports: 'read' }] },
  ];
}

describe('roles', () => {
  it('lists the seeded roles with every permission, X-EDGE 3', async () => {
    const res = await roles();
    expect(res.status).toBe(200);
    expect(res.json).toEqual(defaultRoles(org));
    expect(res.headers.get('x-edge')).toBe('3');
  });

  it('creates a role with a generated id; X-EDGE counts it at once', async () => {
    const res = await h.call('POST', '/rbac/role', {
      query: q(),
      body: { org_id: org, name: 'auditor', permissions: [{ audit: 'read' }, { audit: 'export' }] },
    });
    expect(res.status).toBe(200);
    const role = res.json as { rol_id: string };
    expect(role.rol_id).toMatch(/^rol_[a-z0-9]{3}_[0-9a-f]{16}$/);
    expect(res.json).toEqual({ org_id: org, rol_id: role.rol_id, name: 'auditor', permissions: [{ audit: 'read' }, { audit: 'export' }] });
    expect(res.headers.get('x-edge')).toBe('4');
    const list = await roles();
    expect((list.json as unknown[]).length).toBe(4);
    expect((list.json as unknown[])[3]).toEqual(res.json);
    expect(list.headers.get('x-edge')).toBe('4');
  });

  it('deletes a role, answers it, drops it from users; X-EDGE 2', async () => {
    const res = await h.call('DELETE', '/rbac/role', { query: q(), body: { org_id: org, rol_id: ROLE.admin } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(defaultRoles(org)[0]);
    expect(res.headers.get('x-edge')).toBe('2');
    expect((await roles()).json).toEqual(defaultRoles(org).slice(1));
    const alice = await assign(assignBody({}));
    expect(alice.json).toEqual({ uid: ALICE.uid, roles: [] });
  });

  it('answers 404 for an unknown role everywhere', async () => {
    const ghost = 'rol_xyz_0123456789abcdef';
    const calls = [
      h.call('DELETE', '/rbac/role', { query: q(), body: { org_id: org, rol_id: ghost } }),
      h.call('POST', '/rbac/permission', { query: q(), body: { org_id: org, rol_id: ghost, permissions: [{ a: 'b' }] } }),
      h.call('DELETE', '/rbac/permission', { query: q(), body: { org_id: org, rol_id: ghost, permissions: [{ a: 'b' }] } }),
      assign(assignBody({ rol_id: [ghost] })),
      assign(assignBody({ inplace: [ghost] })),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: 'Role not found' });
      expect(res.headers.get('x-edge')).toBe('3');
    }
    expect((await roles()).json).toEqual(defaultRoles(org));
    expect((await assign(assignBody({}))).json).toEqual({ uid: ALICE.uid, roles: [ROLE.admin] });
  });
});

describe('permissions', () => {
  it('POST adds and answers only the added permissions', async () => {
    const res = await h.call('POST', '/rbac/permission', {
      query: q(),
      body: { org_id: org, rol_id: ROLE.editor, permissions: [{ posts: 'write' }, { posts: 'delete' }] },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ org_id: org, rol_id: ROLE.editor, permissions: [{ posts: 'delete' }] });
    const editor = (await roles()).json as { permissions: unknown[] }[];
    expect(editor[1]!.permissions).toEqual([{ posts: 'write' }, { posts: 'publish' }, { reports: 'read' }, { posts: 'delete' }]);
  });

  it('DELETE removes and answers all that remain', async () => {
    const res = await h.call('DELETE', '/rbac/permission', {
      query: q(),
      body: { org_id: org, rol_id: ROLE.editor, permissions: [{ posts: 'write' }] },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ org_id: org, rol_id: ROLE.editor, permissions: [{ posts: 'publish' }, { reports: 'read' }] });
    expect(res.headers.get('x-edge')).toBe('3');
  });
});

describe('malformed requests answer 422 and change nothing', () => {
  const cases: [string, string, string | Record<string, unknown>][] = [
    ['POST', '/rbac/role', '{not json'],
    ['POST', '/rbac/role', '[1,2]'],
    ['POST', '/rbac/role', { org_id: '', name: 'x', permissions: [] }],
    ['POST', '/rbac/role', { name: 'x', permissions: [] }],
    ['POST', '/rbac/role', { org_id: 'ORG', permissions: [] }],
    ['POST', '/rbac/role', { org_id: 'ORG', name: 'x', permissions: [{ a: 'b', c: 'd' }] }],
    ['POST', '/rbac/role', { org_id: 'ORG', name: 'x', permissions: [{}] }],
    ['POST', '/rbac/role', { org_id: 'ORG', name: 'x', permissions: [{ a: 1 }] }],
    ['POST', '/rbac/role', { org_id: 'ORG', name: 'x', permissions: { a: 'b' } }],
    ['DELETE', '/rbac/role', { org_id: 'ORG' }],
    ['POST', '/rbac/permission', { org_id: 'ORG', rol_id: ROLE.admin, permissions: [{ a: 'b' }, { x: 'y', z: 'w' }] }],
    ['DELETE', '/rbac/permission', { org_id: 'ORG', rol_id: ROLE.admin, permissions: [{}] }],
    ['POST', '/rbac/assign/permission', { uid: ALICE.uid, rol_id: ROLE.editor, inplace: [], signoff_session_and_assign: false }],
    ['POST', '/rbac/assign/permission', { uid: ALICE.uid, rol_id: [ROLE.editor], inplace: [] }],
    [
      'POST',
      '/rbac/assign/permission',
      { uid: ALICE.uid, rol_id: [ROLE.editor], inplace: [], signoff_session_and_assign: true, AccessToken: null, RefreshToken: null },
    ],
  ];
  for (const [method, path, body] of cases) {
    it(`${method} ${path} ${typeof body === 'string' ? body : JSON.stringify(body)}`, async () => {
      const raw = typeof body === 'string' ? body : JSON.stringify(body).replaceAll('"ORG"', JSON.stringify(org));
      const res = await h.call(method, path, { query: q(), rawBody: raw });
      expect(res.status).toBe(422);
      expect(typeof (res.json as { detail: string }).detail).toBe('string');
      expect(res.headers.get('x-edge')).toBe('3');
      expect((await roles()).json).toEqual(defaultRoles(org));
      expect((await assign(assignBody({}))).json).toEqual({ uid: ALICE.uid, roles: [ROLE.admin] });
    });
  }

  it('a body org_id of another organisation answers 403 and changes nothing', async () => {
    const res = await h.call('POST', '/rbac/role', {
      query: q(),
      body: { org_id: 'b'.repeat(64), name: 'x', permissions: [] },
    });
    expect(res.status).toBe(403);
    expect((await roles()).json).toEqual(defaultRoles(org));
  });
});

describe('assign', () => {
  it('attaches, removes and updates without signoff: answers {uid, roles}', async () => {
    const attach = await assign(assignBody({ rol_id: [ROLE.editor] }));
    expect(attach.status).toBe(200);
    expect(attach.json).toEqual({ uid: ALICE.uid, roles: [ROLE.admin, ROLE.editor] });
    const remove = await assign(assignBody({ inplace: [ROLE.admin] }));
    expect(remove.json).toEqual({ uid: ALICE.uid, roles: [ROLE.editor] });
    const update = await assign(assignBody({ uid: BOB.uid, rol_id: [ROLE.editor], inplace: [ROLE.viewer] }));
    expect(update.json).toEqual({ uid: BOB.uid, roles: [ROLE.editor] });
    expect(update.headers.get('x-edge')).toBe('3');
    const { access } = await h.login();
    const data = await h.call('GET', '/api/user/me/data', { query: { AccessToken: access } });
    expect((await verifyAnswer(data.json, h.emu.secret_key))['roles']).toEqual([ROLE.editor]);
  });

  it('with signoff: ends the old session and answers a new pair carrying the new roles', async () => {
    const old = await h.login();
    const other = await h.login();
    const res = await assign(
      assignBody({
        rol_id: [ROLE.viewer],
        inplace: [ROLE.admin],
        signoff_session_and_assign: true,
        AccessToken: old.access,
        RefreshToken: old.refresh,
      }),
    );
    expect(res.status).toBe(200);
    const body = res.json as { uid: string; access_token: string; refresh_token: string; role: string[] };
    expect(Object.keys(body).sort()).toEqual(['access_token', 'refresh_token', 'role', 'uid']);
    expect(body.uid).toBe(ALICE.uid);
    expect(body.role).toEqual([ROLE.viewer]);
    expect(decodeJwt(body.access_token)['roles']).toEqual([ROLE.viewer]);
    expect(await h.validate(old.access)).toBe(401);
    expect((await h.refresh(old.refresh)).status).toBe(401);
    expect(await h.validate(body.access_token)).toBe(200);
    expect((await h.refresh(body.refresh_token)).status).toBe(200);
    expect(await h.validate(other.access)).toBe(200);
  });

  it('with signoff refuses tokens of another user (401) and changes nothing', async () => {
    const bob = await h.login(BOB.email);
    const res = await assign(
      assignBody({ rol_id: [ROLE.editor], signoff_session_and_assign: true, AccessToken: bob.access, RefreshToken: bob.refresh }),
    );
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(bob.access);
    expect(await h.validate(bob.access)).toBe(200);
    expect((await assign(assignBody({}))).json).toEqual({ uid: ALICE.uid, roles: [ROLE.admin] });
  });

  it('answers 404 for an unknown uid', async () => {
    const res = await assign(assignBody({ uid: 'f'.repeat(32), rol_id: [ROLE.editor] }));
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ detail: 'User not found' });
  });
});
