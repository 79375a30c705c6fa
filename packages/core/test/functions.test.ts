import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { describe, expect, it } from 'vitest';
import {
  AuthLiteClient,
  type AuthLiteClientOptions,
  type AuthLiteHandle,
  addRole,
  attachRole,
  ConfigurationError,
  countRoles,
  createHandle,
  deletePermission,
  generateEditUserUrl,
  generateUrl,
  getAccessTokenFromRefreshToken,
  getUser,
  getUserData,
  loadRoles,
  queryRoles,
  reAuth,
  revokeToken,
  updateRole,
  ValidationError,
  validateAccessToken,
  validatePermission,
  validateTokenSet,
} from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator();
const { editor, viewer } = DEFAULT_ROLE_IDS;
const VALIDATE = '/api/user/me/auth/validate/token';
const ROLES = '/rbac/role';

function options(extra: Partial<AuthLiteClientOptions> = {}): AuthLiteClientOptions {
  return { apiKey: emu.apiKey, secretKey: emu.secretKey, orgId: emu.orgId, baseUrl: emu.url, widgetUrl: emu.widgetUrl, ...extra };
}

/** Requests the emulator logged to `path` so far. */
async function sentTo(path: string, method = 'GET'): Promise<number> {
  return (await emu.requests()).filter((r) => r.path === path && r.method === method).length;
}

async function accessToken(email = 'alice@example.com'): Promise<string> {
  return (await getUser(createHandle(options()), await emu.login(email))).access_token;
}

function rejection(run: () => unknown): Promise<unknown> {
  return Promise.resolve()
    .then(run)
    .then(
      () => undefined,
      (error: unknown) => error,
    );
}

describe('the Worker flow in the function form', () => {
  it('validates a token, loads the roles once and checks a permission synchronously', async () => {
    const token = await accessToken();
    const auth = createHandle(options());
    expect(await validateAccessToken(auth, token)).toBe(true);
    const index = await loadRoles(auth);
    expect(index.can(editor, 'posts', 'publish')).toBe(true);
    expect(index.can(viewer, 'posts', 'write')).toBe(false);
    expect(await validatePermission(auth, viewer, 'posts', 'read')).toBe(true);
    expect(await loadRoles(auth)).toBe(index);
    expect(await sentTo(VALIDATE)).toBe(1);
    expect(await sentTo(ROLES)).toBe(1);
  });

  it('says false for a token the service refuses, and loadRoles needs the orgId', async () => {
    const auth = createHandle(options({ orgId: undefined }));
    expect(await validateAccessToken(auth, 'not-a-token')).toBe(false);
    const error = await rejection(() => loadRoles(auth));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ option: 'orgId', message: 'roles needs the client option "orgId"' });
    expect(() => generateUrl(auth)).toThrow('generateUrl needs the client option "orgId"');
    expect(await sentTo(ROLES)).toBe(0);
  });

  it('a role write through another handle reaches this handle through X-EDGE once its role cache exists', async () => {
    const token = await accessToken();
    const auth = createHandle(options());
    expect((await loadRoles(auth)).count()).toBe(3);
    await addRole(createHandle(options()), 'auditor', { reports: 'audit' });
    // Any answer to this handle now carries the new role count: its role cache goes stale.
    expect(await validateAccessToken(auth, token)).toBe(true);
    expect((await loadRoles(auth)).count()).toBe(4);
    expect(await sentTo(ROLES)).toBe(2);
  });
});

describe('one handle: one validation cache, one single-flight, one role cache', () => {
  it('concurrent validations of one token send one request', async () => {
    const token = await accessToken();
    const auth = createHandle(options());
    const results = await Promise.all(Array.from({ length: 8 }, () => validateAccessToken(auth, token)));
    expect(results).toEqual(Array(8).fill(true));
    expect(await sentTo(VALIDATE)).toBe(1);
  });

  it('with validationCacheTtl a positive result is reused, and revokeToken evicts it', async () => {
    const token = await accessToken();
    const auth = createHandle(options({ validationCacheTtl: 60 }));
    expect(await validateAccessToken(auth, token)).toBe(true);
    expect(await validateAccessToken(auth, token)).toBe(true);
    expect(await sentTo(VALIDATE)).toBe(1);
    expect(await revokeToken(auth, { accessToken: token })).toBe(true);
    expect(await validateAccessToken(auth, token)).toBe(false);
    expect(await sentTo(VALIDATE)).toBe(2);
  });

  it('a class and the functions over the class handle share its caches and single-flights', async () => {
    const token = await accessToken();
    const client = new AuthLiteClient(options({ validationCacheTtl: 60 }));
    const both = await Promise.all([client.validateAccessToken(token), validateAccessToken(client.handle, token)]);
    expect(both).toEqual([true, true]);
    expect(await validateAccessToken(client.handle, token)).toBe(true);
    expect(await client.validateAccessToken(token)).toBe(true);
    expect(await sentTo(VALIDATE)).toBe(1);
    const index = await client.roles.load();
    expect(await loadRoles(client.handle)).toBe(index);
    expect(await countRoles(client.handle)).toBe(3);
    expect(await sentTo(ROLES)).toBe(1);
  });

  it('a refresh through the functions is remembered for the class over the same handle (token rotation grace)', async () => {
    const user = await getUser(createHandle(options()), await emu.login('bob@example.com'));
    const client = new AuthLiteClient(options());
    const pair = await getAccessTokenFromRefreshToken(client.handle, user.refresh_token);
    expect(await client.getAccessTokenFromRefreshToken(user.refresh_token)).toEqual(pair);
    expect(await sentTo('/api/user/me/access/token/')).toBe(1);
  });

  it('a class and the functions over separate handles never share caches', async () => {
    const token = await accessToken();
    const client = new AuthLiteClient(options({ validationCacheTtl: 60 }));
    const auth = createHandle(options({ validationCacheTtl: 60 }));
    expect(await client.validateAccessToken(token)).toBe(true);
    expect(await validateAccessToken(auth, token)).toBe(true);
    expect(await sentTo(VALIDATE)).toBe(2);
    await Promise.all([client.validateAccessToken(token), validateAccessToken(auth, token)]);
    expect(await sentTo(VALIDATE)).toBe(2);
    await client.roles.load();
    await loadRoles(auth);
    expect(await sentTo(ROLES)).toBe(2);
    const other = createHandle(options({ validationCacheTtl: 60 }));
    expect(await validateAccessToken(other, token)).toBe(true);
    expect(await sentTo(VALIDATE)).toBe(3);
  });
});

describe('bad input: the same typed error in both forms, before any request', () => {
  const auth = () => createHandle(options());
  const client = () => new AuthLiteClient(options());
  const cases: [string, (a: AuthLiteHandle) => unknown, (c: AuthLiteClient) => unknown, string][] = [
    ['an empty access token', (a) => validateAccessToken(a, ''), (c) => c.validateAccessToken(''), 'accessToken'],
    [
      'a misspelt option',
      (a) => validateAccessToken(a, 't', { sginal: 1 } as never),
      (c) => c.validateAccessToken('t', { sginal: 1 } as never),
      'sginal',
    ],
    [
      'a refresh token with a space',
      (a) => getAccessTokenFromRefreshToken(a, 'a b'),
      (c) => c.getAccessTokenFromRefreshToken('a b'),
      'refreshToken',
    ],
    ['an empty refresh token', (a) => validateTokenSet(a, 't', ''), (c) => c.validateTokenSet('t', ''), 'refreshToken'],
    [
      'both tokens to revoke',
      (a) => revokeToken(a, { accessToken: 't', refreshToken: 't' } as never),
      (c) => c.revokeToken({ accessToken: 't', refreshToken: 't' } as never),
      'target',
    ],
    ['an empty login code', (a) => getUser(a, ''), (c) => c.getUser(''), 'code'],
    ['an empty re-auth code', (a) => reAuth(a, ''), (c) => c.reAuth(''), 'code'],
    ['a number as access token', (a) => getUserData(a, 1 as never), (c) => c.getUserData(1 as never), 'accessToken'],
    [
      'no opt-in for the edit URL',
      (a) => generateEditUserUrl(a, 't', 'https://x.example', {} as never),
      (c) => c.generateEditUserUrl('t', 'https://x.example', {} as never),
      'dangerouslyExposeOrgCredentials',
    ],
    ['a malformed role id', (a) => attachRole(a, 'uid1', 'nope'), (c) => c.attachRole('uid1', 'nope'), 'roleIds'],
    ['a change that is not an object', (a) => updateRole(a, 'uid1', null as never), (c) => c.updateRole('uid1', null as never), 'change'],
    ['an empty role name', (a) => addRole(a, '', { posts: 'read' }), (c) => c.roles.addRole('', { posts: 'read' }), 'name'],
    ['no permissions', (a) => deletePermission(a, editor, []), (c) => c.roles.deletePermission(editor, []), 'permissions'],
    [
      'a malformed role id to check',
      (a) => validatePermission(a, 'nope', 'posts', 'read'),
      (c) => c.roles.validate('nope', 'posts', 'read'),
      'roleId',
    ],
    ['an empty permission key to query', (a) => queryRoles(a, undefined, ''), (c) => c.roles.query(undefined, ''), 'permissionKey'],
    ['a misspelt option to loadRoles', (a) => loadRoles(a, { sginal: 1 } as never), (c) => c.roles.load({ sginal: 1 } as never), 'sginal'],
  ];

  it.each(cases)('%s', async (_, viaFunction, viaClass, at) => {
    const fromFunction = await rejection(() => viaFunction(auth()));
    const fromClass = await rejection(() => viaClass(client()));
    expect(fromFunction).toBeInstanceOf(fromFunction instanceof ValidationError ? ValidationError : ConfigurationError);
    expect((fromFunction as ValidationError).field ?? (fromFunction as ConfigurationError).option).toBe(at);
    expect(fromClass).toBeInstanceOf((fromFunction as Error).constructor);
    expect((fromClass as Error).message).toBe((fromFunction as Error).message);
    expect(await emu.requests()).toEqual([]);
  });

  it('a value that is not a handle is a ValidationError naming "auth"', async () => {
    for (const notAHandle of [{}, undefined, 'handle', new AuthLiteClient(options())]) {
      const error = await rejection(() => validateAccessToken(notAHandle as never, 'token'));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'auth', message: expect.stringContaining('a handle made by createHandle') });
    }
    expect(() => generateUrl({} as never)).toThrow(ValidationError);
    expect(await emu.requests()).toEqual([]);
  });

  it.each([
    ['an unknown option', { baseURL: 'https://x' }, 'baseURL'],
    ['a timeout of 0 ms', { timeout: 0 }, 'timeout'],
    ['a plain-http remote baseUrl', { baseUrl: 'http://example.com' }, 'baseUrl'],
  ])('createHandle refuses %s as the constructor does', async (_, bad, option) => {
    const viaFunction = await rejection(() => createHandle({ ...options(), ...bad } as AuthLiteClientOptions));
    const viaClass = await rejection(() => new AuthLiteClient({ ...options(), ...bad } as AuthLiteClientOptions));
    expect(viaFunction).toBeInstanceOf(ConfigurationError);
    expect(viaFunction).toMatchObject({ option, message: (viaClass as Error).message });
    expect(await emu.requests()).toEqual([]);
  });
});

describe('the handle is opaque', () => {
  it('shows no option, credential or cache, even after calls', async () => {
    const auth = createHandle(options({ validationCacheTtl: 60 }));
    await validateAccessToken(auth, await accessToken());
    await loadRoles(auth);
    expect(Object.isFrozen(auth)).toBe(true);
    expect(Reflect.ownKeys(auth)).toEqual([]);
    expect(JSON.stringify(auth)).toBe('{}');
    const { inspect } = await import('node:util');
    const shown = inspect(auth, { showHidden: true, depth: 5 });
    for (const secret of [emu.apiKey, emu.secretKey, emu.orgId]) expect(shown).not.toContain(secret);
    const client = new AuthLiteClient(options());
    expect(Reflect.ownKeys(client.handle)).toEqual([]);
    expect(client.handle).toBe(client.handle);
    expect(Object.keys(client)).toEqual(['roles']);
  });
});
