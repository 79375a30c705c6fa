// Every public method that takes an options object refuses a key it does not know, naming it
// and its near miss, before any request: the emulator's request log stays empty.
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { describe, expect, it } from 'vitest';
import { type AuthLiteClient, ConfigurationError } from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator();
const { admin, viewer } = DEFAULT_ROLE_IDS;
const token = 't'.repeat(40);
const uid = 'u_1';
const waitUntil = (): void => {};

/** [method, the call with a misspelt key, the key, what the message suggests ('' for nothing)]. */
const cases: [string, (client: AuthLiteClient) => Promise<unknown>, string, string][] = [
  ['getUser', (c) => c.getUser(token, { Signal: undefined } as never), 'Signal', 'signal'],
  ['reAuth', (c) => c.reAuth(token, { signa: undefined } as never), 'signa', 'signal'],
  ['getUserData', (c) => c.getUserData(token, { timeout: 5 } as never), 'timeout', ''],
  ['validateAccessToken', (c) => c.validateAccessToken(token, { SIGNAL: undefined } as never), 'SIGNAL', 'signal'],
  [
    'getAccessTokenFromRefreshToken',
    (c) => c.getAccessTokenFromRefreshToken(token, { waitUnti: waitUntil } as never),
    'waitUnti',
    'waitUntil',
  ],
  ['validateTokenSet', (c) => c.validateTokenSet(token, token, { WaitUntil: waitUntil } as never), 'WaitUntil', 'waitUntil'],
  ['revokeToken', (c) => c.revokeToken({ accessToken: token }, { revokeAll: true } as never), 'revokeAll', 'revokeAllTokens'],
  ['attachRole', (c) => c.attachRole(uid, admin, { signoff: true } as never), 'signoff', 'signoffSessionAndAssign'],
  ['removeRole', (c) => c.removeRole(uid, admin, { accesstoken: token } as never), 'accesstoken', 'accessToken'],
  [
    'updateRole',
    (c) => c.updateRole(uid, { add: admin, remove: viewer }, { refreshtoken: token } as never),
    'refreshtoken',
    'refreshToken',
  ],
  [
    'generateEditUserUrl',
    (c) =>
      c.generateEditUserUrl(token, 'https://app.example/back', { dangerouslyExposeOrgCredentials: true, dangerouslyExpose: 1 } as never),
    'dangerouslyExpose',
    'dangerouslyExposeOrgCredentials',
  ],
  ['roles.getAllRoles', (c) => c.roles.getAllRoles({ Signal: undefined } as never), 'Signal', 'signal'],
  ['roles.addRole', (c) => c.roles.addRole('auditor', [{ reports: 'read' }], { signa: undefined } as never), 'signa', 'signal'],
  ['roles.deleteRole', (c) => c.roles.deleteRole(admin, { signa: undefined } as never), 'signa', 'signal'],
  ['roles.addPermission', (c) => c.roles.addPermission(admin, [{ reports: 'read' }], { signa: undefined } as never), 'signa', 'signal'],
  [
    'roles.deletePermission',
    (c) => c.roles.deletePermission(admin, [{ reports: 'read' }], { signa: undefined } as never),
    'signa',
    'signal',
  ],
  ['roles.query', (c) => c.roles.query(admin, undefined, { signa: undefined } as never), 'signa', 'signal'],
  ['roles.validate', (c) => c.roles.validate(admin, 'reports', 'read', { signa: undefined } as never), 'signa', 'signal'],
  ['roles.countRoles', (c) => c.roles.countRoles({ signa: undefined } as never), 'signa', 'signal'],
  ['roles.load', (c) => c.roles.load({ signa: undefined } as never), 'signa', 'signal'],
  ['roles.refresh', (c) => c.roles.refresh({ signa: undefined } as never), 'signa', 'signal'],
];

describe('unknown keys in method options are refused before any request', () => {
  it.each(cases)('%s', async (_method, call, key, meant) => {
    const error = await call(emu.client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).option).toBe(key);
    const hint = meant === '' ? '' : ` (did you mean "${meant}"?)`;
    expect((error as Error).message).toBe(`Unknown option "${key}"${hint}`);
    expect(await emu.requests()).toEqual([]);
  });

  it('the same calls with only known keys do reach the service (the log is not empty by construction)', async () => {
    const client = emu.client();
    await client.roles.countRoles({ signal: new AbortController().signal });
    expect((await emu.requests()).map((request) => request.path)).toContain('/rbac/role');
  });
});
