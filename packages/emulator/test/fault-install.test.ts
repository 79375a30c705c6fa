import { describe, expect, it } from 'vitest';
import { useHarness } from './helpers.js';

// Issue 9 item 6: a fault rule with a bad header used to install fine and then turn every
// matching request into a 500. Rules are checked when installed.
const h = useHarness();

const roles = () => h.call('GET', '/rbac/role', { query: { org_id: h.emu.org_id } });

describe('fault rules are validated when installed', () => {
  it('refuses bad header names and values with 422 naming the problem, and keeps the previous rules', async () => {
    expect((await h.control('/__emulator/faults', { rules: [{ path: '/rbac/role', status: 503 }] })).status).toBe(200);
    const cases: [Record<string, string>, string][] = [
      [{ 'bad header': '1' }, 'rules[0].headers: invalid header name'],
      [{ 'x-ok': '1', 'x:colon': '1' }, 'rules[0].headers: invalid header name'],
      [{ '': '1' }, 'rules[0].headers: invalid header name'],
      [{ 'x-split': 'a\r\nset-cookie: owned=1' }, 'rules[0].headers.x-split: invalid header value'],
      [{ 'x-nul': 'a\u0000b' }, 'rules[0].headers.x-nul: invalid header value'],
      [{ 'x-wide': '\u20ac' }, 'rules[0].headers.x-wide: invalid header value'],
      [{ 'Content-Length': '5' }, 'rules[0].headers: content-length is set by the server'],
      [{ 'transfer-encoding': 'chunked' }, 'rules[0].headers: transfer-encoding is set by the server'],
      [{ connection: 'close' }, 'rules[0].headers: connection is set by the server'],
    ];
    for (const [headers, detail] of cases) {
      const res = await h.control('/__emulator/faults', { rules: [{ path: '/rbac/role', status: 429, headers }] });
      expect(res.status, JSON.stringify(headers)).toBe(422);
      expect(res.json).toEqual({ detail });
    }
    const method = await h.control('/__emulator/faults', { rules: [{ method: 'GE T', status: 500 }] });
    expect(method.json).toEqual({ detail: 'rules[0].method must be an HTTP method name' });
    // The earlier rule is still the one in force, and nothing answers 500.
    const faulted = await roles();
    expect(faulted.status).toBe(503);
    expect(faulted.json).toEqual({ detail: 'Injected fault (status 503)' });
  });

  it('installs valid headers and sends them; later requests are unaffected once the rule is used', async () => {
    const res = await h.control('/__emulator/faults', {
      rules: [{ path: '/rbac/role', status: 429, headers: { 'Retry-After': '3', 'x-latin1': 'caf\u00e9', 'x-tab': 'a\tb' }, times: 1 }],
    });
    expect(res.status).toBe(200);
    const faulted = await roles();
    expect(faulted.status).toBe(429);
    expect(faulted.headers.get('retry-after')).toBe('3');
    expect(faulted.headers.get('x-tab')).toBe('a\tb');
    expect((await roles()).status).toBe(200);
  });
});
