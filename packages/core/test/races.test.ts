import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { beforeEach, describe, expect, it } from 'vitest';
import { HttpError, RefreshOutcomeUnknownError, TimeoutError, type User } from '../src/index.js';
import { closedPortUrl, useEmulator } from './emulator.js';

const emu = useEmulator();
let user: User;
beforeEach(async () => {
  user = await emu.client().getUser(await emu.login('alice@example.com'));
});

const count = async (path: string) => (await emu.requests()).filter((r) => r.path === path).length;
const REFRESH = '/api/user/me/access/token/';
const VALIDATE = '/api/user/me/auth/validate/token';

describe('refresh', () => {
  it('a refresh that times out after the server rotated is RefreshOutcomeUnknownError, never re-sent', async () => {
    // The emulator rotates after the delay: the answer comes too late for a 200 ms timeout.
    await emu.faults([{ path: REFRESH, delay_ms: 600, times: 1 }]);
    const client = emu.client({ timeout: 200 });
    const error = await client.getAccessTokenFromRefreshToken(user.refresh_token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefreshOutcomeUnknownError);
    expect((error as RefreshOutcomeUnknownError).code).toBe('ERR_REFRESH_OUTCOME_UNKNOWN');
    expect((error as Error).cause).toBeInstanceOf(TimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await count(REFRESH)).toBe(1);
    // The server did rotate: the token is used up, which is why the SDK did not re-send it.
    await expect(emu.client().getAccessTokenFromRefreshToken(user.refresh_token)).rejects.toBeInstanceOf(HttpError);
  });

  it('a refresh answer cut short is RefreshOutcomeUnknownError too', async () => {
    await emu.faults([{ path: REFRESH, status: 200, body: '{"access_token":"abc', truncate: true, times: 1 }]);
    await expect(emu.client().getAccessTokenFromRefreshToken(user.refresh_token)).rejects.toBeInstanceOf(RefreshOutcomeUnknownError);
    expect(await count(REFRESH)).toBe(1);
  });

  it('a refused connection is a plain NetworkError: nothing was sent', async () => {
    const error = await emu
      .client({ baseUrl: await closedPortUrl() })
      .getAccessTokenFromRefreshToken(user.refresh_token)
      .catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('ERR_NETWORK');
  });

  it('100 concurrent validateTokenSet calls with one expired token send one validation and one refresh, and share the new pair', async () => {
    await emu.advance(3601);
    const client = emu.client();
    const checks = await Promise.all(Array.from({ length: 100 }, () => client.validateTokenSet(user.access_token, user.refresh_token)));
    expect(await count(REFRESH)).toBe(1);
    expect(await count(VALIDATE)).toBe(1);
    const pairs = new Set(checks.map((c) => `${c.state}|${c.access}|${c.refresh}`));
    expect(pairs.size).toBe(1);
    expect(checks[0]?.state).toBe(false);
    expect(await client.validateAccessToken(checks[0]?.access ?? '')).toBe(true);
  });

  it('one caller aborting does not cancel the shared refresh for the others', async () => {
    await emu.faults([{ path: REFRESH, delay_ms: 300, times: 1 }]);
    const client = emu.client();
    const controller = new AbortController();
    const first = client.getAccessTokenFromRefreshToken(user.refresh_token, { signal: controller.signal });
    const second = client.getAccessTokenFromRefreshToken(user.refresh_token);
    controller.abort(new Error('first caller left'));
    await expect(first).rejects.toThrow('first caller left');
    await expect(second).resolves.toHaveProperty('access_token');
    expect(await count(REFRESH)).toBe(1);
  });
});

describe('validation', () => {
  it('concurrent validateAccessToken calls for one token are coalesced into one request', async () => {
    const client = emu.client();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.validateAccessToken(user.access_token)));
    expect(results.every(Boolean)).toBe(true);
    expect(await count(VALIDATE)).toBe(1);
  });

  it('without validationCacheTtl, sequential calls each ask the service', async () => {
    const client = emu.client();
    for (let i = 0; i < 5; i++) await client.validateAccessToken(user.access_token);
    expect(await count(VALIDATE)).toBe(5);
  });

  it('validationCacheTtl serves repeated checks from the cache: 1000 validations, 1 request', async () => {
    const client = emu.client({ validationCacheTtl: 60 });
    for (let i = 0; i < 1000; i++) expect(await client.validateAccessToken(user.access_token)).toBe(true);
    expect(await count(VALIDATE)).toBe(1);
  });

  it('never caches a negative result', async () => {
    const client = emu.client({ validationCacheTtl: 60 });
    expect(await client.validateAccessToken('unknown-token')).toBe(false);
    expect(await client.validateAccessToken('unknown-token')).toBe(false);
    expect(await count(VALIDATE)).toBe(2);
  });

  it('revokeToken through the same client evicts the cached result', async () => {
    const client = emu.client({ validationCacheTtl: 60 });
    expect(await client.validateAccessToken(user.access_token)).toBe(true);
    await client.revokeToken({ accessToken: user.access_token });
    expect(await client.validateAccessToken(user.access_token)).toBe(false);
    expect(await count(VALIDATE)).toBe(2);
  });

  it('caches no longer than the token exp claim', async () => {
    const client = emu.client({ validationCacheTtl: 3600 });
    // A JWT whose exp is already past: valid at the emulator (faulted), but not cacheable.
    const header = Buffer.from('{"alg":"HS256"}').toString('base64url');
    const payload = Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) - 1 })).toString('base64url');
    const token = `${header}.${payload}.sig`;
    await emu.faults([{ path: VALIDATE, status: 200, body: '{"valid":true}' }]);
    expect(await client.validateAccessToken(token)).toBe(true);
    expect(await client.validateAccessToken(token)).toBe(true);
    expect(await count(VALIDATE)).toBe(2);
  });
});

describe('role resync', () => {
  it('stays single-flight when many answers carry a new X-EDGE at once', async () => {
    const a = emu.client();
    const b = emu.client();
    expect(await a.roles.countRoles()).toBe(3);
    await b.roles.addRole('late', { late: 'yes' });
    await Promise.all(Array.from({ length: 20 }, () => a.getUserData(user.access_token)));
    const checks = await Promise.all(Array.from({ length: 50 }, () => a.roles.validate(DEFAULT_ROLE_IDS.admin, 'billing', 'write')));
    expect(checks.every(Boolean)).toBe(true);
    expect(await a.roles.countRoles()).toBe(4);
    const roleFetches = (await emu.requests()).filter((r) => r.method === 'GET' && r.path === '/rbac/role').length;
    expect(roleFetches).toBe(2);
  });
});
