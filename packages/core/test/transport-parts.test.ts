import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HttpError, NetworkError, UnexpectedAnswerError } from '../src/index.js';
import { failedBeforeSending } from '../src/transport/never-sent.js';
import { readCappedText } from '../src/transport/read-capped.js';
import { isRedirect } from '../src/transport/redirect.js';
import { retryAfterMs } from '../src/transport/retry-policy.js';
import { Transport } from '../src/transport/transport.js';
import { readEdge } from '../src/transport/x-edge.js';
import { useEmulator } from './emulator.js';
import { type HostileServer, startHostileServer } from './hostile-server.js';

// The transport's parts at their edges; the guards `pnpm test:mutation` mutates in src/transport.
const emu = useEmulator();
let server: HostileServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.stop();
  server = undefined;
});

const serviceClock = { nowMs: Date.now };
const credentials = {
  wire: async () => ({ apiKey: 'api-key-1', signedKey: 'signed-key-1' }),
  secrets: () => ['api-key-1', 'signed-key-1'],
};
const transportTo = (baseUrl: string, observeEdge?: (edge: number) => void) =>
  new Transport({ baseUrl, timeoutMs: 5_000, fetch: undefined, credentials, serviceClock, ...(observeEdge ? { observeEdge } : {}) });
const send = (transport: Transport, over: Record<string, unknown> = {}) =>
  transport.send({ method: 'GET', path: '/x', retry: { limit: 0 }, maxBytes: 1_000, ...over });

describe('readEdge (X-EDGE: a non-negative integer of at most 9 digits)', () => {
  it('reads a count, trimmed; anything else is undefined', () => {
    const edge = (value?: string) => readEdge(new Headers(value === undefined ? {} : { 'x-edge': value }));
    expect([edge('3'), edge(' 7 '), edge('123456789'), edge('0')]).toEqual([3, 7, 123456789, 0]);
    for (const bad of [undefined, '', '1234567890', 'x3', '3x', '-1', '1.5', 'abc']) expect(edge(bad), String(bad)).toBeUndefined();
  });
});

describe('Retry-After', () => {
  it('seconds or an HTTP date, in milliseconds from now', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const after = (value?: string) => retryAfterMs(new Headers(value === undefined ? {} : { 'retry-after': value }), { nowMs: Date.now });
    expect([after('2'), after('0'), after('Thu, 01 Jan 2026 00:00:30 GMT'), after(undefined), after('soon')]).toEqual([
      2000,
      0,
      30_000,
      undefined,
      undefined,
    ]);
  });
});

describe('isRedirect', () => {
  it('3xx and a browser opaqueredirect answer; nothing else', () => {
    for (const status of [300, 301, 304, 308, 399]) expect(isRedirect(new Response(null, { status })), String(status)).toBe(true);
    for (const status of [200, 204, 299, 400, 500]) expect(isRedirect(new Response(null, { status })), String(status)).toBe(false);
    expect(isRedirect({ type: 'opaqueredirect', status: 0 } as Response)).toBe(true);
  });
});

describe('readCappedText', () => {
  it('a declared length at the cap is read, one over is refused; no body is empty', async () => {
    expect(await readCappedText(new Response('abcd', { headers: { 'content-length': '4' } }), 4)).toBe('abcd');
    expect(await readCappedText(new Response('abcd', { headers: { 'content-length': '4' } }), 3)).toBeUndefined();
    expect(await readCappedText(new Response(null, { headers: { 'content-length': '100' } }), 10)).toBeUndefined();
    expect(await readCappedText(new Response(null), 10)).toBe('');
  });

  it('a character split across chunks is decoded whole; a stream over the cap is cancelled', async () => {
    const chunks = (parts: number[][]) =>
      new Response(
        new ReadableStream({
          start: (c) => {
            for (const part of parts) c.enqueue(new Uint8Array(part));
            c.close();
          },
        }),
      );
    expect(
      await readCappedText(
        chunks([
          [0x61, 0xc3],
          [0xa4, 0x62],
        ]),
        10,
      ),
    ).toBe('a\u00e4b');
    let cancelled = false;
    const endless = new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(64)), cancel: () => void (cancelled = true) }));
    expect(await readCappedText(endless, 1_000)).toBeUndefined();
    expect(cancelled).toBe(true);
  });
});

describe('never sent: only structure counts', () => {
  it('a message that is not a string is ignored', () => {
    expect(failedBeforeSending({ message: 42 })).toBe(false);
    expect(failedBeforeSending({ code: 42, name: 7 })).toBe(false);
  });
});

describe('Transport', () => {
  it('asks for JSON, hands X-EDGE to observeEdge unless the caller takes it, and works without observeEdge', async () => {
    const seen: string[] = [];
    server = await startHostileServer((request, response) => {
      seen.push(String(request.headers.accept));
      const edge = new URL(request.url ?? '/', 'http://x').searchParams.get('edge');
      response.writeHead(200, { 'content-type': 'application/json', ...(edge ? { 'x-edge': edge } : {}) }).end('{"ok":true}');
    });
    const counts: number[] = [];
    const transport = transportTo(server.url, (edge) => counts.push(edge));
    expect(await send(transport, { query: { edge: '4' } })).toEqual({ body: { ok: true }, status: 200, edge: 4 });
    await send(transport, { query: { edge: '5' }, returnsEdge: true });
    await send(transport);
    expect(counts).toEqual([4]);
    await expect(send(transportTo(server.url), { query: { edge: '6' } })).resolves.toHaveProperty('edge', 6);
    expect(seen.every((accept) => accept === 'application/json')).toBe(true);
  });

  it('a non-string detail is kept as JSON text', async () => {
    server = await startHostileServer((_request, response) =>
      response.writeHead(422, { 'content-type': 'application/json' }).end('{"detail":[{"loc":["query"],"msg":"bad"}]}'),
    );
    const error = (await send(transportTo(server.url)).catch((e: unknown) => e)) as HttpError;
    expect([error.status, error.detail]).toEqual([422, '[{"loc":["query"],"msg":"bad"}]']);
  });

  it('a body that is not JSON, and a thrown value that is not an Error, say so', async () => {
    server = await startHostileServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('<html>'),
    );
    const notJson = await send(transportTo(server.url)).catch((e: unknown) => e);
    expect(notJson).toBeInstanceOf(UnexpectedAnswerError);
    expect((notJson as Error).message).toBe('Unexpected answer from /x: the body is not JSON');
    const throwing = new Transport({
      baseUrl: server.url,
      timeoutMs: 5_000,
      fetch: () => Promise.reject('boom' as unknown as Error),
      credentials,
      serviceClock,
    });
    const thrown = await send(throwing).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NetworkError);
    expect((thrown as Error).message).toBe('GET /x failed: request failed');
  });

  it('a body cut short is retried within the retry limit, then a NetworkError', async () => {
    await emu.faults([{ path: '/api/user/me/data', status: 200, body: '"abcdefghijklmnop"', truncate: true }]);
    const error = await emu
      .client()
      .getUserData('access-token')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe('GET /api/user/me/data failed: the answer body could not be read');
    // SAFE_RETRY allows 2 retries: 3 requests in all.
    expect((await emu.requests()).filter((r) => r.path === '/api/user/me/data')).toHaveLength(3);
  });
});
