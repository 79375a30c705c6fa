// The refresh race across isolates (issue 10 §1): several module workers in one workerd (one
// isolate each, a client at module scope in each) share one Workers KV namespace. With
// `sharedRefreshGrace` every request of every isolate gets the one rotated pair.
import { fileURLToPath } from 'node:url';
import { AuthLiteClient } from '@authlite/core';
import { EmulatorControl } from '@authlite/store-conformance';
import { bundle, type ConformanceEmulator, startConformanceEmulator } from '@authlite/store-conformance/node';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graceLeaks } from './grace-leaks.js';

const REFRESH_PATH = '/api/user/me/access/token/';

let emulator: ConformanceEmulator;
let script: string;
let emails = 0;
beforeAll(async () => {
  emulator = await startConformanceEmulator();
  script = await bundle(fileURLToPath(new URL('./worker/grace-entry.ts', import.meta.url)), {
    format: 'esm',
    conditions: ['workerd', 'worker'],
  });
});
afterAll(() => emulator?.stop());

const control = () => new EmulatorControl(emulator.config.emulatorUrl);
const refreshStatuses = async () => (await control().requests()).filter((r) => r.path === REFRESH_PATH).map((r) => r.status);

/** `count` workers (isolates) in one workerd, every one bound to the same KV namespace. */
async function isolates(count: number): Promise<Miniflare> {
  const mf = new Miniflare({
    cf: false,
    workers: Array.from({ length: count }, (_, i) => ({
      name: `isolate-${i}`,
      modules: true,
      script,
      compatibilityDate: '2026-07-01',
      kvNamespaces: { GRACE: 'grace-shared' },
    })),
  });
  await mf.ready;
  return mf;
}

/** A logged-in pair (a new user each time) whose access token has expired, and a slow (300 ms) next refresh. */
async function expiredPair(): Promise<{ access: string; refresh: string }> {
  const { main } = emulator.config.orgs;
  const client = new AuthLiteClient({ ...main, baseUrl: emulator.config.emulatorUrl });
  const user = await client.getUser(await control().login(main.orgId, `grace-${emails++}@example.com`));
  await control().advanceClock(3601);
  await control().faults([{ path: REFRESH_PATH, delay_ms: 300, times: 1 }]);
  return { access: user.access_token, refresh: user.refresh_token };
}

/** The parts of Miniflare's worker and KV handles used here (its own types need the workers types). */
interface WorkerFetcher {
  fetch(url: string, init: { method: string; body: string }): Promise<Response>;
}
interface RawKv {
  list(): Promise<{ keys: { name: string }[] }>;
  get(key: string, type: 'text'): Promise<string | null>;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function send(mf: Miniflare, isolate: number, pair: { access: string; refresh: string }, extra: Record<string, unknown> = {}) {
  const { main } = emulator.config.orgs;
  const worker = (await mf.getWorker(`isolate-${isolate}`)) as unknown as WorkerFetcher;
  const response = await worker.fetch('http://grace.local/', {
    method: 'POST',
    body: JSON.stringify({ ...main, baseUrl: emulator.config.emulatorUrl, ...pair, ...extra }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> } satisfies Answer;
}

/** Every value the KV namespace holds, raw. */
async function rawKv(mf: Miniflare): Promise<{ keys: string[]; values: string[] }> {
  const kv = (await mf.getKVNamespace('GRACE', 'isolate-0')) as unknown as RawKv;
  const keys = (await kv.list()).keys.map((k) => k.name);
  const values = await Promise.all(keys.map(async (key) => (await kv.get(key, 'text')) ?? ''));
  return { keys, values };
}

/** `perIsolate` concurrent requests in each of `count` isolates; the answers per isolate. */
async function race(mf: Miniflare, count: number, perIsolate: number, pair: { access: string; refresh: string }, extra = {}) {
  return Promise.all(
    Array.from({ length: count }, (_, i) => Promise.all(Array.from({ length: perIsolate }, () => send(mf, i, pair, extra)))),
  );
}

const served = (answers: Answer[][]) => answers.flat().filter((a) => a.status === 200).length;

describe('refresh race across workerd isolates sharing one Workers KV namespace', () => {
  it('without the option (baseline): only one isolate keeps the session', async () => {
    const pair = await expiredPair();
    const before = (await refreshStatuses()).length;
    const mf = await isolates(3);
    try {
      const answers = await race(mf, 3, 5, pair, { shared: false });
      console.log(`across 3 isolates x 5 requests, without sharedRefreshGrace: ${served(answers)}/15 keep the session`);
      expect(served(answers)).toBe(5);
      expect(answers.flat().filter((a) => a.body['error'] === 'ERR_TOKEN_SET_INVALID')).toHaveLength(10);
      const statuses = (await refreshStatuses()).slice(before);
      expect(statuses.filter((s) => s === 200)).toEqual([200]);
      expect(statuses.filter((s) => s !== 200)).toEqual(Array(statuses.length - 1).fill(401));
    } finally {
      await mf.dispose();
    }
  });

  it('3 isolates x 5 requests with sharedRefreshGrace: all 15 get the same pair, exactly 1 refresh accepted, no token in KV', async () => {
    const pair = await expiredPair();
    const before = (await refreshStatuses()).length;
    const mf = await isolates(3);
    try {
      const answers = await race(mf, 3, 5, pair);
      console.log(`across 3 isolates x 5 requests, with sharedRefreshGrace: ${served(answers)}/15 keep the session`);
      expect(answers.flat().map((a) => a.status)).toEqual(Array(15).fill(200));
      const pairs = new Set(answers.flat().map((a) => `${a.body['state']}|${a.body['access']}|${a.body['refresh']}`));
      expect(pairs.size).toBe(1);
      expect(answers[0]?.[0]?.body['state']).toBe(false);
      // One refresh accepted; each losing isolate sent one (refused) and then read the record.
      expect((await refreshStatuses()).slice(before).sort()).toEqual([200, 401, 401]);
      const kv = await rawKv(mf);
      expect(kv.keys).toHaveLength(1);
      const tokens = [pair.access, pair.refresh, String(answers[0]?.[0]?.body['access']), String(answers[0]?.[0]?.body['refresh'])];
      expect(graceLeaks([...kv.keys, ...kv.values], tokens)).toEqual([]);
      // The scan itself finds a token where there is one.
      expect(graceLeaks([`x${encodeURIComponent(pair.refresh)}x`], tokens)).toHaveLength(1);
    } finally {
      await mf.dispose();
    }
  });

  it('slow store reads (100 ms each): the requests waiting in a losing isolate keep waiting for its read, no extra refresh', async () => {
    const pair = await expiredPair();
    const before = (await refreshStatuses()).length;
    const mf = await isolates(3);
    try {
      const answers = await race(mf, 3, 5, pair, { slowStoreReadMs: 100 });
      expect(answers.flat().map((a) => a.status)).toEqual(Array(15).fill(200));
      expect(new Set(answers.flat().map((a) => `${a.body['access']}|${a.body['refresh']}`)).size).toBe(1);
      expect((await refreshStatuses()).slice(before).sort()).toEqual([200, 401, 401]);
    } finally {
      await mf.dispose();
    }
  });

  /** 6 isolates x 20 requests, the very first (isolate 0) cancelled as soon as its refresh is sent. */
  async function largeRace(mf: Miniflare, pair: { access: string; refresh: string }, extra: Record<string, unknown>) {
    const first = await send(mf, 0, pair, { giveUpMidRefresh: true, ...extra });
    expect([first.status, first.body['error']]).toEqual([499, 'gave up mid-refresh']);
    return Promise.all(
      Array.from({ length: 6 }, (_, i) => Promise.all(Array.from({ length: i === 0 ? 19 : 20 }, () => send(mf, i, pair, extra)))),
    );
  }

  it('6 isolates x 20 requests, the first cancelled, without the option (baseline): only isolate 0 keeps the session', async () => {
    const pair = await expiredPair();
    const mf = await isolates(6);
    try {
      const answers = await largeRace(mf, pair, { shared: false });
      console.log(`across 6 isolates x 20 requests, first cancelled, without sharedRefreshGrace: ${served(answers)}/119 keep the session`);
      // One isolate's requests keep the session (isolate 0's when its refresh wins), every other isolate's are refused.
      const perIsolate = answers.map((list) => list.filter((a) => a.status === 200).length);
      expect(perIsolate.filter((n) => n > 0)).toHaveLength(1);
      expect(perIsolate.filter((n, i) => n === answers[i]?.length)).toHaveLength(1);
    } finally {
      await mf.dispose();
    }
  });

  it('6 isolates x 20 requests, the first cancelled mid-refresh: the other 119 get one pair, exactly 1 refresh accepted', async () => {
    const pair = await expiredPair();
    const before = (await refreshStatuses()).length;
    const mf = await isolates(6);
    try {
      const answers = await largeRace(mf, pair, {});
      console.log(`across 6 isolates x 20 requests, first cancelled, with sharedRefreshGrace: ${served(answers)}/119 keep the session`);
      expect(answers.flat().map((a) => a.status)).toEqual(Array(119).fill(200));
      expect(new Set(answers.flat().map((a) => `${a.body['access']}|${a.body['refresh']}`)).size).toBe(1);
      const statuses = (await refreshStatuses()).slice(before);
      expect(statuses.filter((s) => s === 200)).toEqual([200]);
      expect(statuses.filter((s) => s !== 200).every((s) => s === 401)).toBe(true);
      const kv = await rawKv(mf);
      const got = answers[1]?.[0]?.body ?? {};
      expect(graceLeaks([...kv.keys, ...kv.values], [pair.access, pair.refresh, String(got['access']), String(got['refresh'])])).toEqual(
        [],
      );
    } finally {
      await mf.dispose();
    }
  });
});
