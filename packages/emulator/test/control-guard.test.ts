import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/node/index.js';
import { type Harness, startHarness } from './helpers.js';
import { rawRequest } from './raw-http.js';

// Issue 9 item 6: a web page must not drive the control API (CSRF) nor reach the emulator
// under a rebound DNS name.
let h: Harness;
let port: string;
beforeAll(async () => {
  h = await startHarness();
  port = new URL(h.emu.url).port;
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.control('/__emulator/reset');
});

const FOREIGN = { detail: "Cross-origin control request refused: Origin must be the emulator's own origin or a loopback origin" };
const NOT_JSON = { detail: 'Control requests with a body must have content-type: application/json' };
const HOST = { detail: "Host not allowed: use the emulator's own address or localhost, or start it with --allowed-host NAME" };

/**
 * The emulator clock's offset from the host's, seconds: 0 unless a clock request was applied.
 * The emulator runs in this process on the host clock, so its answer is bracketed by the host's
 * seconds before and after the call (however long the call took); the tests apply whole tens.
 */
async function clockOffset(): Promise<number> {
  const beforeS = Math.floor(Date.now() / 1000);
  const { now } = (await h.control('/__emulator/clock', { advance_s: 0 })).json as { now: number };
  const [low, high] = [now - Math.floor(Date.now() / 1000), now - beforeS];
  const tens = Math.ceil(low / 10) * 10;
  return tens <= high ? tens : low;
}

const advance = JSON.stringify({ advance_s: 100_000 });

describe('control API against web pages (CSRF)', () => {
  it('refuses a cross-origin text/plain POST (the form a page can send without preflight), changing nothing', async () => {
    const res = await rawRequest(h.emu.url, {
      method: 'POST',
      path: '/__emulator/clock',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
      body: advance,
    });
    expect(res.status).toBe(403);
    expect(res.json).toEqual(FOREIGN);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(await clockOffset()).toBe(0);
  });

  it('refuses a foreign Origin even with content-type application/json, on every control route', async () => {
    for (const path of ['/__emulator/login', '/__emulator/faults', '/__emulator/reset', '/__emulator/clock']) {
      const res = await rawRequest(h.emu.url, {
        method: 'POST',
        path,
        headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ org_id: h.emu.org_id, email: 'mallory@example.com', rules: [{ status: 500 }], advance_s: 5 }),
      });
      expect(res.status).toBe(403);
      expect(res.json).toEqual(FOREIGN);
    }
    const requests = await rawRequest(h.emu.url, { path: '/__emulator/requests', headers: { origin: 'http://evil.example' } });
    expect(requests.status).toBe(403);
    expect((await h.call('GET', '/rbac/role', { query: { org_id: h.emu.org_id } })).status).toBe(200); // no fault installed
    expect(await clockOffset()).toBe(0);
  });

  it('guards the control API however its path is spelt (percent-encoded, trailing slash)', async () => {
    for (const path of ['/%5F%5Femulator/clock', '/__emulator/clock/', '/__%65mulator/clock']) {
      const res = await rawRequest(h.emu.url, {
        method: 'POST',
        path,
        headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
        body: advance,
      });
      expect(res.status, path).toBe(403);
      expect(res.json).toEqual(FOREIGN);
    }
    expect(await clockOffset()).toBe(0);
  });

  it('refuses Origin: null (sandboxed frames, data: URLs) and a malformed Origin', async () => {
    for (const origin of ['null', 'not an origin', 'file://', 'chrome-extension://abc']) {
      const res = await rawRequest(h.emu.url, {
        method: 'POST',
        path: '/__emulator/clock',
        headers: { origin, 'content-type': 'application/json' },
        body: advance,
      });
      expect(res.status).toBe(403);
      expect(res.json).toEqual(FOREIGN);
    }
    expect(await clockOffset()).toBe(0);
  });

  it('answers a foreign CORS preflight with 403 and no Access-Control-Allow-Origin', async () => {
    const res = await rawRequest(h.emu.url, {
      method: 'OPTIONS',
      path: '/__emulator/login',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body that is not declared JSON (415) even without Origin: text/plain, a form, none, chunked', async () => {
    const variants: Record<string, string>[] = [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'multipart/form-data; boundary=x' },
      { 'content-type': 'application/jsonp' },
      { 'content-length': String(advance.length) },
      { 'transfer-encoding': 'chunked' },
    ];
    for (const headers of variants) {
      const res = await rawRequest(h.emu.url, { method: 'POST', path: '/__emulator/clock', headers, body: advance });
      expect(res.status, JSON.stringify(headers)).toBe(415);
      expect(res.json).toEqual(NOT_JSON);
    }
    expect(await clockOffset()).toBe(0);
  });

  it('accepts JSON from its own origin, a loopback origin, or no Origin; a POST without a body needs no content-type', async () => {
    for (const origin of [h.emu.url, 'http://localhost:3000', 'http://127.0.0.1:5173', 'http://[::1]:8080', undefined]) {
      const res = await rawRequest(h.emu.url, {
        method: 'POST',
        path: '/__emulator/clock',
        headers: { 'content-type': 'application/json; charset=utf-8', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ advance_s: 10 }),
      });
      expect(res.status, String(origin)).toBe(200);
    }
    expect(await clockOffset()).toBe(50);
    const reset = await fetch(`${h.emu.url}/__emulator/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await clockOffset()).toBe(0);
  });

  it('leaves the wire endpoints open to browser code on any origin (CORS), as the SDK needs', async () => {
    const res = await fetch(h.url('/rbac/role', { org_id: h.emu.org_id }), { headers: { origin: 'https://app.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('Host header (DNS rebinding)', () => {
  it("refuses a rebound name, with or without the emulator's port, on control and wire routes", async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `attacker.localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
      const control = await rawRequest(h.emu.url, {
        method: 'POST',
        path: '/__emulator/clock',
        headers: { host, 'content-type': 'application/json' },
        body: advance,
      });
      expect(control.status, host).toBe(403);
      expect(control.json).toEqual(HOST);
      const wire = await rawRequest(h.emu.url, {
        path: h.url('/rbac/role', { org_id: h.emu.org_id }).slice(h.emu.url.length),
        headers: { host },
      });
      expect(wire.status, host).toBe(403);
      expect(wire.json).toEqual(HOST);
    }
    expect(await clockOffset()).toBe(0);
  });

  it('refuses another IP address than the bound one', async () => {
    for (const host of ['10.1.2.3', `192.168.0.7:${port}`]) {
      const res = await rawRequest(h.emu.url, { path: '/__emulator/requests', headers: { host } });
      expect(res.status, host).toBe(403);
    }
  });

  it('accepts the bound address and localhost names', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost', 'localhost.', `app.localhost:${port}`]) {
      const res = await rawRequest(h.emu.url, { path: '/__emulator/requests', headers: { host } });
      expect(res.status, host).toBe(200);
    }
  });

  describe('with allowed host names (a compose service name)', () => {
    let emu: RunningEmulator;
    beforeAll(async () => {
      emu = await startEmulator({ allowedHosts: ['emulator', 'Auth.Internal'] });
    });
    afterAll(() => emu.stop());

    it('accepts exactly those names, case-insensitively, and them as an Origin of control calls', async () => {
      const p = new URL(emu.url).port;
      for (const host of [`emulator:${p}`, `auth.internal:${p}`]) {
        expect((await rawRequest(emu.url, { path: '/__emulator/requests', headers: { host } })).status, host).toBe(200);
      }
      expect((await rawRequest(emu.url, { path: '/__emulator/requests', headers: { host: `emulator2:${p}` } })).status).toBe(403);
      const res = await rawRequest(emu.url, {
        method: 'POST',
        path: '/__emulator/clock',
        headers: { host: `emulator:${p}`, origin: 'http://emulator:3000', 'content-type': 'application/json' },
        body: JSON.stringify({ advance_s: 0 }),
      });
      expect(res.status).toBe(200);
    });
  });
});
