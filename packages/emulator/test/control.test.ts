import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './helpers.js';

const h = useHarness();
let org: string;
beforeAll(() => {
  org = h.emu.org_id;
});

const roles = () => h.call('GET', '/rbac/role', { query: { org_id: org } });
const faults = (body: unknown) => h.control('/__emulator/faults', body);
type Entry = { method: string; path: string; query: string[]; status: number };
const requests = async () => (await h.control('/__emulator/requests')).json as Entry[];

describe('clock', () => {
  it('advances and answers the emulator time in seconds', async () => {
    // The emulator runs in this process on the host clock: its answer lies between the host's
    // seconds read before and after the call, plus the 100 s moved (no bound on how long it took).
    const before = Math.floor(Date.now() / 1000);
    const res = await h.control('/__emulator/clock', { advance_s: 100 });
    const after = Math.floor(Date.now() / 1000);
    expect(res.status).toBe(200);
    const { now } = res.json as { now: number };
    expect(Number.isInteger(now)).toBe(true);
    expect(now).toBeGreaterThanOrEqual(before + 100);
    expect(now).toBeLessThanOrEqual(after + 100);
    const bad = await h.control('/__emulator/clock', { advance_s: -1 });
    expect(bad.status).toBe(422);
    expect((await h.control('/__emulator/clock', { advance_s: '5' })).status).toBe(422);
  });
});

describe('control login and reauth', () => {
  it('answers 404 for an unknown org, 422 for a bad email, 401 for a bad token', async () => {
    expect((await h.control('/__emulator/login', { org_id: 'd'.repeat(64), email: 'a@b.c' })).status).toBe(404);
    expect((await h.control('/__emulator/login', { org_id: org, email: 'nope' })).status).toBe(422);
    expect((await h.control('/__emulator/reauth', { org_id: org, access_token: 'nope' })).status).toBe(401);
    expect((await h.control('/__emulator/reauth', { org_id: org, access_token: (await h.login()).access, name: 7 })).status).toBe(422);
  });
});

describe('faults', () => {
  it('answers the status with a default detail, `times` times, then the real handler; faulted requests are logged', async () => {
    expect((await faults({ rules: [{ path: '/rbac/role', method: 'get', status: 503, times: 2 }] })).json).toEqual({ ok: true });
    for (let i = 0; i < 2; i++) {
      const res = await roles();
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ detail: 'Injected fault (status 503)' });
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('x-edge')).toBe('3');
    }
    expect((await roles()).status).toBe(200);
    expect((await requests()).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('sends the body verbatim, JSON or not', async () => {
    const forged = '"eyJhbGciOiJIUzI1NiJ9.eyJmb3JnZWQiOnRydWV9.c2ln"';
    await faults({
      rules: [
        { path: '/api/user/me/auth/data', body: forged, times: 1 },
        { path: '/api/user/me/auth/data', status: 502, body: '<html>bad gateway</html>', times: 1 },
      ],
    });
    const first = await h.call('GET', '/api/user/me/auth/data', { query: { UserToken: 'x' } });
    expect(first.status).toBe(200);
    expect(first.text).toBe(forged);
    expect(first.headers.get('content-type')).toBe('application/json');
    const second = await h.call('GET', '/api/user/me/auth/data', { query: { UserToken: 'x' } });
    expect(second.status).toBe(502);
    expect(second.text).toBe('<html>bad gateway</html>');
    const third = await h.call('GET', '/api/user/me/auth/data', { query: { UserToken: 'x' } });
    expect(third.status).toBe(401);
  });

  it("adds the rule's headers, e.g. Retry-After", async () => {
    await faults({ rules: [{ path: '/rbac/role', status: 429, headers: { 'retry-after': '7' }, times: 1 }] });
    const res = await roles();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect((await faults({ rules: [{ headers: { a: 1 } }] })).status).toBe(422);
  });

  it('truncate declares the whole length, sends half the body, then breaks the connection', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(200) });
    await faults({ rules: [{ path: '/rbac/role', status: 200, body, truncate: true, times: 1 }] });
    const response = await fetch(h.url('/rbac/role', { org_id: org }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(body.length));
    await expect(response.text()).rejects.toThrow();
    expect((await roles()).status).toBe(200);
  });

  it('with only delay_ms waits, then runs the real handler', async () => {
    await faults({ rules: [{ path: '/rbac/role', delay_ms: 300 }] });
    // Sent first, answered last: a request sent after it (no fault) is answered and logged while
    // it waits. Ordered by the log and by settling, never by measured time.
    let settled = false;
    const delayed = roles().then((res) => {
      settled = true;
      return res;
    });
    const login = await h.control('/__emulator/login', { org_id: org, email: 'order@example.com' });
    expect(login.status).toBe(200);
    expect((await h.call('GET', '/api/user/me/auth/data', { query: { UserToken: (login.json as { code: string }).code } })).status).toBe(
      200,
    );
    expect(settled).toBe(false);
    expect((await requests()).map((entry) => entry.path)).toEqual(['/api/user/me/auth/data']);
    const res = await delayed;
    expect(res.status).toBe(200);
    expect((res.json as unknown[]).length).toBe(3);
    expect((await requests()).map((entry) => entry.path)).toEqual(['/api/user/me/auth/data', '/rbac/role']);
  });

  it('matches the path exactly and the method case-insensitively', async () => {
    await faults({
      rules: [
        { path: '/rbac/role', method: 'post', status: 500 },
        { path: '/rbac/role/', status: 418 },
      ],
    });
    expect((await roles()).status).toBe(200);
    expect((await h.call('GET', '/rbac/role/', { query: { org_id: org } })).status).toBe(418);
    const post = await h.call('POST', '/rbac/role', { query: { org_id: org }, body: { org_id: org, name: 'x', permissions: [] } });
    expect(post.status).toBe(500);
    expect((await roles()).json).toHaveLength(3);
  });

  it('draws probabilities from the seeded PRNG: same seed, same pattern', async () => {
    const run = async (): Promise<number[]> => {
      await faults({ rules: [{ path: '/rbac/role', status: 500, probability: 0.5 }], seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await roles()).status);
      return statuses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    const faulted = a.filter((s) => s === 500).length;
    expect(faulted).toBeGreaterThan(0);
    expect(faulted).toBeLessThan(24);
    expect(a.every((s) => s === 500 || s === 200)).toBe(true);
    await faults({ rules: [{ path: '/rbac/role', status: 500, probability: 0 }], seed: 1 });
    expect((await roles()).status).toBe(200);
  });

  it('applies the first matching rule with uses left, in order', async () => {
    await faults({
      rules: [
        { status: 500, times: 1 },
        { status: 501, times: 1 },
        { path: '/nowhere', status: 502 },
      ],
    });
    expect((await roles()).status).toBe(500);
    expect((await roles()).status).toBe(501);
    expect((await roles()).status).toBe(200);
  });

  it('never applies to control routes', async () => {
    await faults({ rules: [{ status: 500 }] });
    const res = await h.control('/__emulator/clock', { advance_s: 0 });
    expect(res.status).toBe(200);
    expect((await h.control('/__emulator/requests')).status).toBe(200);
  });

  it('rejects malformed rules with 422 and keeps the previous ones', async () => {
    await faults({ rules: [{ path: '/rbac/role', status: 500 }] });
    for (const body of [
      {},
      { rules: {} },
      { rules: [{ status: 99 }] },
      { rules: [{ probability: 2 }] },
      { rules: [{ times: -1 }] },
      { rules: [{ body: { a: 1 } }] },
      { rules: [{ path: 'no-slash' }] },
      { rules: [], seed: 'x' },
    ]) {
      expect((await faults(body)).status).toBe(422);
    }
    expect((await roles()).status).toBe(500);
  });
});

describe('reset', () => {
  it('returns to the seed and clears faults, clock, tokens and the request log', async () => {
    const session = await h.login();
    await h.call('POST', '/rbac/role', { query: { org_id: org }, body: { org_id: org, name: 'tmp', permissions: [] } });
    await h.control('/__emulator/clock', { advance_s: 10_000 });
    await faults({ rules: [{ path: '/nowhere', status: 500 }] });
    expect((await requests()).length).toBeGreaterThan(0);
    const reset = await h.control('/__emulator/reset');
    expect(reset.json).toEqual({ ok: true });
    expect(await requests()).toEqual([]);
    const list = await roles();
    expect(list.json).toHaveLength(3);
    expect(list.headers.get('x-edge')).toBe('3');
    // Back on the host's clock: between the host's seconds read before and after the call.
    const before = Math.floor(Date.now() / 1000);
    const { now } = (await h.control('/__emulator/clock', { advance_s: 0 })).json as { now: number };
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(await h.validate(session.access)).toBe(401);
  });
});

describe('request log', () => {
  it('records method, path, query names without values and status; never control routes', async () => {
    const { access } = await h.login();
    await h.validate(access);
    await h.validate('bogus');
    await h.control('/__emulator/clock', { advance_s: 0 });
    const log = await requests();
    expect(log).toEqual([
      { method: 'GET', path: '/api/user/me/auth/data', query: ['api_key', 'signed_key', 'UserToken'], status: 200 },
      { method: 'GET', path: '/api/user/me/auth/validate/token', query: ['api_key', 'signed_key', 'AccessToken'], status: 200 },
      { method: 'GET', path: '/api/user/me/auth/validate/token', query: ['api_key', 'signed_key', 'AccessToken'], status: 401 },
    ]);
    const text = JSON.stringify(log);
    expect(text).not.toContain(access);
    expect(text).not.toContain(h.emu.api_key);
    expect(text).not.toContain(h.signedKey);
  });

  it('keeps the last 1000 requests', async () => {
    for (let batch = 0; batch < 21; batch++) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => h.call('GET', `/n/${batch * 50 + i}`, { auth: false })));
    }
    const log = await requests();
    expect(log).toHaveLength(1000);
    const ids = log.map((e) => Number(e.path.slice(3)));
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(50);
    expect(ids).toContain(1049);
    expect(log[0]).toMatchObject({ method: 'GET', query: [], status: 404 });
    // 1,050 requests over HTTP: on a loaded 2-core machine this takes far longer than the default.
  }, 180_000);
});
