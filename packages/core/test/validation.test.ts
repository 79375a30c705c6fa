import { describe, expect, it } from 'vitest';
import { AuthLiteClient, ConfigurationError, ValidationError } from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator();

describe('constructor options', () => {
  const base = { apiKey: 'k'.repeat(40), secretKey: 's'.repeat(64) };
  it.each([
    ['apiKey', { ...base, apiKey: '' }],
    ['secretKey', { ...base, secretKey: 42 }],
    ['baseUrl', { ...base, baseUrl: 'http://api.example.com' }],
    ['baseUrl', { ...base, baseUrl: 'not a url' }],
    ['timeout', { ...base, timeout: -1 }],
    ['orgId', { ...base, orgId: 'has space' }],
    ['roleStore', { ...base, roleStore: {} }],
    ['sharedRefreshGrace', { ...base, sharedRefreshGrace: { remember: () => undefined } }],
  ])('rejects a bad %s with a ConfigurationError naming it', (option, options) => {
    let error: unknown;
    try {
      new AuthLiteClient(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).option).toBe(option);
    expect((error as Error).message).not.toContain('s'.repeat(64));
  });

  it('allows plain http only on loopback', () => {
    expect(() => new AuthLiteClient({ ...base, baseUrl: 'http://127.0.0.1:8787' })).not.toThrow();
    expect(() => new AuthLiteClient({ ...base, baseUrl: 'http://localhost:8787' })).not.toThrow();
  });
});

describe('bad arguments never reach the service', () => {
  const role = 'rol_adm_00000000000000a1';
  const calls: [string, (c: AuthLiteClient) => Promise<unknown>, string][] = [
    ['getUser(number)', (c) => c.getUser(42 as never), 'code'],
    ['getUser(space)', (c) => c.getUser('has space'), 'code'],
    ['getUser(too long)', (c) => c.getUser('x'.repeat(9000)), 'code'],
    ['reAuth(empty)', (c) => c.reAuth(''), 'code'],
    ['getUserData(null)', (c) => c.getUserData(null as never), 'accessToken'],
    ['refresh(empty)', (c) => c.getAccessTokenFromRefreshToken(''), 'refreshToken'],
    ['validateAccessToken(object)', (c) => c.validateAccessToken({} as never), 'accessToken'],
    ['validateTokenSet(, empty)', (c) => c.validateTokenSet('abc', ''), 'refreshToken'],
    [
      'revokeToken(wrong flag)',
      (c) => c.revokeToken({ accessToken: 'abc' }, { revokeAllTokens: 'yes' as never }),
      'options.revokeAllTokens',
    ],
    ['attachRole(bad id)', (c) => c.attachRole('uid1', 'rol_bad'), 'roleIds'],
    ['attachRole(empty uid)', (c) => c.attachRole('', role), 'uid'],
    ['updateRole(bad remove)', (c) => c.updateRole('uid1', { add: role, remove: ['nope'] }), 'change.remove[0]'],
    ['addRole(long name)', (c) => c.roles.addRole('n'.repeat(300), { a: 'b' }), 'name'],
    ['addPermission(two keys)', (c) => c.roles.addPermission(role, [{ a: 'b', c: 'd' }]), 'permissions[0]'],
    ['deletePermission(empty value)', (c) => c.roles.deletePermission(role, [{ a: '' }]), 'permissions[0].a'],
    ['query(bad id)', (c) => c.roles.query('admin'), 'roleId'],
  ];

  it.each(calls)('%s throws a ValidationError naming the field', async (_name, call, field) => {
    const error = await call(emu.client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('ERR_INVALID_INPUT');
    expect((error as ValidationError).field).toBe(field);
    expect((error as Error).message).toContain(field);
    expect(await emu.requests()).toEqual([]);
  });
});

describe('messages', () => {
  it('a missing option reads as required, without valibot internals', () => {
    let error: unknown;
    try {
      new AuthLiteClient({ apiKey: 'x' } as never);
    } catch (e) {
      error = e;
    }
    expect((error as ConfigurationError).option).toBe('secretKey');
    expect((error as Error).message).toBe('Invalid option "secretKey": expected a value (required)');
  });

  it.each([
    [{ clockTolerance: 301 }, 'Invalid option "clockTolerance": expected at most 300 seconds'],
    [{ validationCacheTtl: 3601 }, 'Invalid option "validationCacheTtl": expected at most 3600 seconds'],
    [{ refreshGracePeriod: -1 }, 'Invalid option "refreshGracePeriod": expected seconds of at least 0'],
    [{ maxAge: '60' }, 'Invalid option "maxAge": expected seconds as a number'],
    [{ timeout: 0 }, 'Invalid option "timeout": expected milliseconds of at least 1'],
    [{ storeTimeout: 600_001 }, 'Invalid option "storeTimeout": expected at most 600000 milliseconds'],
    [{ timeout: 1.5 }, 'Invalid option "timeout": expected whole milliseconds'],
    [{ maxRoleListBytes: 1023 }, 'Invalid option "maxRoleListBytes": expected bytes of at least 1024'],
    [{ maxRoleListBytes: 268_435_457 }, 'Invalid option "maxRoleListBytes": expected at most 268435456 bytes'],
    [{ maxRoleListBytes: '4096' }, 'Invalid option "maxRoleListBytes": expected bytes as a number'],
    [{ apiKey: 'k'.repeat(513) }, 'Invalid option "apiKey": expected at most 512 characters'],
    [{ orgId: 'has space' }, 'Invalid option "orgId": expected 1 to 128 letters, digits, _ or -'],
    [{ roleStore: {} }, 'Invalid option "roleStore": expected an object with get and set methods'],
  ])('an option out of range names its unit and bound: %o', (bad, message) => {
    let error: unknown;
    try {
      new AuthLiteClient({ apiKey: 'k'.repeat(40), secretKey: 's'.repeat(64), ...bad } as never);
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe(message);
  });
});
