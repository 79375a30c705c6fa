import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '../src/index.js';
import { type RunningEmulator, startEmulator } from '../src/node/index.js';
import { type Harness, startHarness } from './helpers.js';
import { answerBeforeBody, rawRequest } from './raw-http.js';

// Issue 9 item 6: a 200 MB body cost about 1 GB of memory. Bodies over the limit are refused
// before they are read: each test sends only the start of the body and gets the answer anyway.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const TOO_LARGE = { detail: `Request body too large (limit ${DEFAULT_MAX_BODY_BYTES} bytes)` };

function head(path: string, headers: Record<string, string>): string {
  const port = new URL(h.emu.url).port;
  const lines = Object.entries({ host: `127.0.0.1:${port}`, ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

function statusAndBody(answer: string): { status: number; json: unknown } {
  const status = Number(answer.slice(9, 12));
  return { status, json: JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) };
}

describe('request body limit', () => {
  it('is 1 MiB by default', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1_048_576);
  });

  it('answers 413 to a declared 200 MB body after 16 bytes of it, on control and wire endpoints', async () => {
    const rbac = h.url('/rbac/role', { org_id: h.emu.org_id }).slice(h.emu.url.length);
    for (const path of ['/__emulator/faults', rbac, `/widget/login/?org_id=${h.emu.org_id}`]) {
      const answer = await answerBeforeBody(
        h.emu.url,
        head(path, { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) }),
        '{"rules": [{"sta',
      );
      expect(statusAndBody(answer), path).toEqual({ status: 413, json: TOO_LARGE });
      expect(answer.toLowerCase()).toContain('connection: close');
    }
  });

  it('answers 413 to a chunked body (no content-length) once it passes the limit, without waiting for its end', async () => {
    const chunk = 'x'.repeat(DEFAULT_MAX_BODY_BYTES + 1);
    const answer = await answerBeforeBody(
      h.emu.url,
      head('/__emulator/login', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }),
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    );
    expect(statusAndBody(answer)).toEqual({ status: 413, json: TOO_LARGE });
  });

  it('records a refused wire request in the request log and keeps serving', async () => {
    await h.control('/__emulator/reset');
    const rbac = h.url('/rbac/role', { org_id: h.emu.org_id }).slice(h.emu.url.length);
    await answerBeforeBody(h.emu.url, head(rbac, { 'content-type': 'application/json', 'content-length': '2000000' }), '{');
    const log = (await h.control('/__emulator/requests')).json as { path: string; status: number }[];
    expect(log).toEqual([{ method: 'POST', path: '/rbac/role', query: ['api_key', 'signed_key', 'org_id'], status: 413 }]);
    const created = await h.call('POST', '/rbac/role', {
      query: { org_id: h.emu.org_id },
      body: { org_id: h.emu.org_id, name: 'ok', permissions: [] },
    });
    expect(created.status).toBe(200);
  });

  describe('set with maxBodyBytes', () => {
    let emu: RunningEmulator;
    beforeAll(async () => {
      emu = await startEmulator({ maxBodyBytes: 64 });
    });
    afterAll(() => emu.stop());

    it('accepts a body of exactly the limit, chunked or not, and refuses one byte more', async () => {
      const body = (n: number) => JSON.stringify({ advance_s: 1, pad: 'p'.repeat(n - 24) });
      expect(body(64)).toHaveLength(64);
      const variants: Record<string, string>[] = [
        { 'content-type': 'application/json' },
        { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      ];
      for (const headers of variants) {
        const ok = await rawRequest(emu.url, { method: 'POST', path: '/__emulator/clock', headers, body: body(64) });
        expect(ok.status).toBe(200);
        const over = await rawRequest(emu.url, { method: 'POST', path: '/__emulator/clock', headers, body: body(65) });
        expect(over.status).toBe(413);
        expect(over.json).toEqual({ detail: 'Request body too large (limit 64 bytes)' });
      }
    });

    it('rejects a limit that is not a positive integer', async () => {
      for (const maxBodyBytes of [0, -1, 1.5, Number.NaN]) {
        await expect(startEmulator({ maxBodyBytes })).rejects.toThrow('maxBodyBytes must be a positive integer number of bytes');
      }
    });
  });
});
