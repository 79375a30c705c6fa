import { beforeEach, describe, expect, it } from 'vitest';
import { HttpError, NetworkError, TimeoutError, UnexpectedAnswerError, type User } from '../src/index.js';
import { type TestEmulator, useEmulator } from './emulator.js';

const emu = useEmulator();
let user: User;
beforeEach(async () => {
  user = await emu.client().getUser(await emu.login('alice@example.com'));
});

const VALIDATE = '/api/user/me/auth/validate/token';
const count = async (path: string) => (await emu.requests()).filter((r) => r.path === path).length;

describe('retries: idempotent reads only', () => {
  for (const status of [408, 429, 500, 502, 503, 504]) {
    it(`a GET that answers ${status} twice is retried and succeeds on the third request`, async () => {
      await emu.faults([{ path: VALIDATE, status, times: 2 }]);
      expect(await emu.client().validateAccessToken(user.access_token)).toBe(true);
      expect(await count(VALIDATE)).toBe(3);
    });
  }

  it('gives up after 2 retries (3 requests) with the last HttpError', async () => {
    await emu.faults([{ path: '/api/user/me/data', status: 503 }]);
    const error = await emu
      .client()
      .getUserData(user.access_token)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
    expect(await count('/api/user/me/data')).toBe(3);
  });

  it('does not retry a 4xx that is not 408 or 429', async () => {
    await emu.faults([{ path: '/api/user/me/data', status: 404, times: 1 }]);
    await expect(emu.client().getUserData(user.access_token)).rejects.toMatchObject({ status: 404 });
    expect(await count('/api/user/me/data')).toBe(1);
  });

  it('honours Retry-After (seconds) on a 429: the wait goes through the SDK clock', async () => {
    await emu.faults([{ path: VALIDATE, status: 429, times: 1, headers: { 'retry-after': '1' } }]);
    const waits: number[] = [];
    const client = emu.client({ clock: { nowMs: () => Date.now(), wait: async (ms) => void waits.push(ms) } });
    expect(await client.validateAccessToken(user.access_token)).toBe(true);
    expect(waits).toEqual([1000]);
    expect(await count(VALIDATE)).toBe(2);
  });

  // The service's clock is 10 minutes ahead of the host (moved), and the SDK host's own clock is off
  // by 60 s either way: a Retry-After date 2 s ahead of the service is still a 2 s wait (1 s
  // when the service's second turns between the rule and the answer; both are whole seconds).
  for (const [name, skewS] of [
    ['fast', 60],
    ['slow', -60],
  ] as const) {
    it(`judges a Retry-After date on the service clock (SDK host 60 s ${name})`, async () => {
      const serviceNowS = await emu.advance(600);
      const date = new Date((Math.floor(serviceNowS) + 2) * 1000).toUTCString();
      await emu.faults([{ path: VALIDATE, status: 503, times: 1, headers: { 'retry-after': date } }]);
      const waits: number[] = [];
      const client = emu.client({ clock: { nowMs: () => Date.now() + skewS * 1000, wait: async (ms) => void waits.push(ms) } });
      expect(await client.validateAccessToken(user.access_token)).toBe(true);
      expect(waits).toHaveLength(1);
      expect([1000, 2000]).toContain(waits[0]);
      expect(await count(VALIDATE)).toBe(2);
    });
  }

  it("a caller's signal that fires during a retry wait ends the call with its reason; nothing more is sent", async () => {
    await emu.faults([{ path: '/api/user/me/data', status: 503, times: 1, headers: { 'retry-after': '5' } }]);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const client = emu.client({
      clock: {
        nowMs: () => Date.now(),
        wait: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
            controller.abort(reason);
          }),
      },
    });
    await expect(client.getUserData(user.access_token, { signal: controller.signal })).rejects.toBe(reason);
    expect(await count('/api/user/me/data')).toBe(1);
  });

  it('gives up at once when Retry-After exceeds the 10 s cap', async () => {
    await emu.faults([{ path: VALIDATE, status: 429, times: 1, headers: { 'retry-after': '3600' } }]);
    await expect(emu.client().validateAccessToken(user.access_token)).rejects.toMatchObject({ code: 'ERR_HTTP', status: 429 });
    expect(await count(VALIDATE)).toBe(1);
  });

  const writes: [string, string, (c: ReturnType<TestEmulator['client']>) => Promise<unknown>][] = [
    ['POST /rbac/role', '/rbac/role', (c) => c.roles.addRole('x', { a: 'b' })],
    ['DELETE /api/user/me/token/', '/api/user/me/token/', (c) => c.revokeToken({ accessToken: user.access_token })],
    ['POST /rbac/assign/permission', '/rbac/assign/permission', (c) => c.attachRole(user.uid, 'rol_vwr_00000000000000f1')],
    ['GET access/token (rotation)', '/api/user/me/access/token/', (c) => c.getAccessTokenFromRefreshToken(user.refresh_token)],
    ['GET auth/data (single-use code)', '/api/user/me/auth/data', (c) => c.getUser('some-code')],
  ];
  for (const [name, path, call] of writes) {
    it(`never retries ${name}`, async () => {
      const before = await count(path);
      await emu.faults([{ path, status: 503 }]);
      await expect(call(emu.client())).rejects.toMatchObject({ status: 503 });
      expect((await count(path)) - before).toBe(1);
    });
  }

  it('retries a GET on a connection cut short, then succeeds', async () => {
    await emu.faults([{ path: '/rbac/role', method: 'GET', status: 200, body: '[{"org_id":"', truncate: true, times: 1 }]);
    expect(await emu.client().roles.countRoles()).toBe(3);
  });
});

describe('timeouts and broken answers', () => {
  it('a delay past the timeout is a TimeoutError after exactly one request (timeouts are not retried)', async () => {
    // Only the first request is slow: a retry would be answered at once and the call would succeed.
    await emu.faults([{ path: VALIDATE, delay_ms: 1_000, times: 1 }]);
    const error = await emu
      .client({ timeout: 200 })
      .validateAccessToken(user.access_token)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(200);
    expect(await emu.loggedOnce(VALIDATE)).toBe(1);
  });

  it('an AbortSignal cancels a call with its own reason', async () => {
    await emu.faults([{ path: '/api/user/me/data', delay_ms: 1000 }]);
    const reason = new Error('caller gave up');
    const error = await emu
      .client()
      .getUserData(user.access_token, { signal: AbortSignal.timeout(100) })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    const controller = new AbortController();
    const pending = emu.client().getUserData(user.access_token, { signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('a body cut short on a write is a NetworkError', async () => {
    await emu.faults([{ path: '/rbac/role', method: 'POST', status: 200, body: '{"org_id": "abc", "rol_', truncate: true }]);
    await expect(emu.client().roles.addRole('x', { a: 'b' })).rejects.toBeInstanceOf(NetworkError);
  });

  it('a body that is not JSON is an UnexpectedAnswerError', async () => {
    await emu.faults([{ path: '/rbac/role', method: 'GET', status: 200, body: '<html>maintenance</html>' }]);
    const error = await emu
      .client()
      .roles.countRoles()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedAnswerError);
    expect((error as UnexpectedAnswerError).code).toBe('ERR_UNEXPECTED_ANSWER');
  });

  it('JSON of the wrong shape is an UnexpectedAnswerError naming the mismatch', async () => {
    await emu.faults([{ path: '/rbac/role', method: 'GET', status: 200, body: '[{"org_id": 1}]' }]);
    const error = await emu
      .client()
      .roles.countRoles()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedAnswerError);
    expect((error as Error).message).toMatch(/org_id/);
    await emu.faults([{ path: '/api/user/me/access/token/', status: 200, body: '{"access_token": 5}' }]);
    await expect(emu.client().getAccessTokenFromRefreshToken(user.refresh_token)).rejects.toBeInstanceOf(UnexpectedAnswerError);
  });
});

describe('AbortSignal on local reads that may fetch', () => {
  it('query, validate and countRoles reject with the signal reason while the role list is slow', async () => {
    await emu.faults([{ path: '/rbac/role', method: 'GET', delay_ms: 500 }]);
    const client = emu.client();
    const reason = new Error('request ended');
    const controller = new AbortController();
    const pending = [
      client.roles.query(undefined, undefined, { signal: controller.signal }),
      client.roles.validate('rol_adm_00000000000000a1', 'billing', 'write', { signal: controller.signal }),
      client.roles.countRoles({ signal: controller.signal }),
    ];
    controller.abort(reason);
    for (const call of pending) await expect(call).rejects.toBe(reason);
    // The shared fetch itself went on and filled the cache for the next caller.
    expect(await client.roles.countRoles()).toBe(3);
  });
});
