import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AuthLiteClient, RedirectError, type User } from '../src/index.js';
import { useEmulator } from './emulator.js';
import { type HostileServer, startHostileServer } from './hostile-server.js';

// Issue 9, item 2: a 3xx is never followed. Before, the transport followed it to any host,
// re-sent the credentials, tokens and the sign-off body there, and trusted that host's answer.
const emu = useEmulator();
let decoy: HostileServer;
let user: User;
beforeAll(async () => {
  decoy = await startHostileServer();
});
afterAll(() => decoy.stop());
beforeEach(async () => {
  decoy.received.length = 0;
  user = await emu.client().getUser(await emu.login('alice@example.com'));
});

const STATUSES = [301, 302, 303, 307, 308] as const;
const CALLS: [name: string, path: string, method: string, call: (c: AuthLiteClient) => Promise<unknown>][] = [
  ['a read (validateAccessToken)', '/api/user/me/auth/validate/token', 'GET', (c) => c.validateAccessToken(user.access_token)],
  ['a refresh', '/api/user/me/access/token/', 'GET', (c) => c.getAccessTokenFromRefreshToken(user.refresh_token)],
  [
    'a write with tokens in its body (sign-off assignment)',
    '/rbac/assign/permission',
    'POST',
    (c) =>
      c.attachRole(user.uid, 'rol_vwr_00000000000000f1', {
        signoffSessionAndAssign: true,
        accessToken: user.access_token,
        refreshToken: user.refresh_token,
      }),
  ],
];

describe('redirects are never followed', () => {
  for (const status of STATUSES) {
    for (const [name, path, method, call] of CALLS) {
      it(`${status} on ${name}: RedirectError naming the status and the target origin only, nothing reaches the other host`, async () => {
        await emu.faults([
          { path, status, headers: { location: `${decoy.url}/steal/${user.access_token}?api_key=${emu.apiKey}` }, body: '' },
        ]);
        const error = await call(emu.client()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedirectError);
        const redirect = error as RedirectError;
        expect([redirect.code, redirect.status, redirect.targetOrigin, redirect.method, redirect.path]).toEqual([
          'ERR_REDIRECT',
          status,
          decoy.url,
          method,
          path,
        ]);
        expect(redirect.message).toContain(`(${status})`);
        expect(redirect.message).toContain(decoy.url);
        expect(redirect.message).not.toContain('/steal');
        expect(JSON.stringify(redirect)).not.toContain('steal');
        expect(decoy.received).toEqual([]);
        // Sent once, not retried (a 3xx is no retry status).
        expect((await emu.requests()).filter((r) => r.path === path)).toHaveLength(1);
      });
    }
  }

  it('a relative Location names the service origin; no Location names none', async () => {
    await emu.faults([{ path: '/api/user/me/data', status: 302, headers: { location: '/elsewhere?x=1' }, body: '', times: 1 }]);
    await expect(emu.client().getUserData(user.access_token)).rejects.toMatchObject({ status: 302, targetOrigin: emu.url });
    await emu.faults([{ path: '/api/user/me/data', status: 307, body: '' }]);
    const error = (await emu
      .client()
      .getUserData(user.access_token)
      .catch((e: unknown) => e)) as RedirectError;
    expect([error.status, error.targetOrigin]).toEqual([307, undefined]);
    expect(error.message).toBe('GET /api/user/me/data answered a redirect (307) to an unknown origin, not followed');
  });

  it('an unparsable Location has no origin to name', async () => {
    await emu.faults([{ path: '/api/user/me/data', status: 301, headers: { location: 'http://[::1' }, body: '' }]);
    await expect(emu.client().getUserData(user.access_token)).rejects.toMatchObject({
      code: 'ERR_REDIRECT',
      status: 301,
      targetOrigin: undefined,
    });
  });

  it('a javascript: Location has no origin to name', async () => {
    await emu.faults([{ path: '/api/user/me/data', status: 302, headers: { location: 'javascript:alert(1)' }, body: '' }]);
    await expect(emu.client().getUserData(user.access_token)).rejects.toMatchObject({ code: 'ERR_REDIRECT', targetOrigin: undefined });
  });

  it('a 304 or a 399 is refused too; a 200 and a 400 are not redirects', async () => {
    await emu.faults([{ path: '/api/user/me/auth/validate/token', status: 304 }]);
    await expect(emu.client().validateAccessToken(user.access_token)).rejects.toMatchObject({ code: 'ERR_REDIRECT', status: 304 });
    await emu.faults([{ path: '/api/user/me/auth/validate/token', status: 399, body: '' }]);
    await expect(emu.client().validateAccessToken(user.access_token)).rejects.toMatchObject({ code: 'ERR_REDIRECT', status: 399 });
    await emu.faults([{ path: '/api/user/me/auth/validate/token', status: 400, headers: { location: decoy.url }, body: '{}' }]);
    await expect(emu.client().validateAccessToken(user.access_token)).resolves.toBe(false);
    await emu.faults([{ path: '/api/user/me/auth/validate/token', status: 200, headers: { location: decoy.url }, body: '{}' }]);
    await expect(emu.client().validateAccessToken(user.access_token)).resolves.toBe(true);
    expect(decoy.received).toEqual([]);
  });
});
