// The refresh race of issue 10 in workerd: one isolate, one client at module scope, many
// concurrent requests with the same expired access token and the same refresh token.
import { AuthLiteClient } from '@authlite/core';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, TARGETS } from '../src/launchers/bundle.js';
import { type MatrixEmulator, startMatrixEmulator } from '../src/launchers/emulator.js';
import { COMPATIBILITY_DATE } from '../src/launchers/workerd.js';
import { emulatorControl, REFRESH_PATH } from '../src/scenario/emulator-control.js';

let emulator: MatrixEmulator;
let script: string;
beforeAll(async () => {
  emulator = await startMatrixEmulator();
  script = await bundleEntry('refresh-race-worker', TARGETS.workerd);
});
afterAll(() => emulator?.stop());

const control = () => emulatorControl(emulator.config.baseUrl, emulator.config.orgId);

/** A fresh isolate (a new Miniflare instance) running the race worker. */
async function isolate(): Promise<Miniflare> {
  const mf = new Miniflare({ modules: true, script, compatibilityDate: COMPATIBILITY_DATE, cf: false });
  await mf.ready;
  return mf;
}

/** A logged-in pair whose access token has expired, and a slow (300 ms) next refresh. */
async function expiredPair(): Promise<{ access: string; refresh: string }> {
  const { baseUrl, apiKey, secretKey, orgId } = emulator.config;
  const user = await new AuthLiteClient({ baseUrl, apiKey, secretKey, orgId }).getUser(
    await control().loginCode(emulator.config.user.email),
  );
  await control().advanceClock(3601);
  await control().faults([{ path: REFRESH_PATH, delay_ms: 300, times: 1 }]);
  return { access: user.access_token, refresh: user.refresh_token };
}

async function send(mf: Miniflare, pair: { access: string; refresh: string }, extra: Record<string, unknown> = {}) {
  const { baseUrl, apiKey, secretKey, orgId } = emulator.config;
  const response = await mf.dispatchFetch('http://race.local/', {
    method: 'POST',
    body: JSON.stringify({ baseUrl, apiKey, secretKey, orgId, ...pair, ...extra }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('refresh race in one workerd isolate: every request gets the same pair, exactly one upstream refresh', () => {
  for (const concurrent of [5, 20, 100]) {
    it(`${concurrent} concurrent requests`, async () => {
      const pair = await expiredPair();
      const before = (await control().refreshStatuses()).length;
      const mf = await isolate();
      try {
        const answers = await Promise.all(Array.from({ length: concurrent }, () => send(mf, pair)));
        expect(answers.map((a) => a.status)).toEqual(Array(concurrent).fill(200));
        expect(new Set(answers.map((a) => `${a.body['state']}|${a.body['access']}|${a.body['refresh']}`)).size).toBe(1);
        expect(answers[0]?.body['state']).toBe(false);
        expect((await control().refreshStatuses()).slice(before)).toEqual([200]);
      } finally {
        await mf.dispose();
      }
    });
  }

  it('the first request gives up mid-refresh (its refresh kept alive by waitUntil): the others get its pair', async () => {
    const pair = await expiredPair();
    const before = (await control().refreshStatuses()).length;
    const mf = await isolate();
    try {
      const first = await send(mf, pair, { giveUpMidRefresh: true });
      expect([first.status, first.body['error']]).toEqual([499, 'gave up mid-refresh']);
      const others = await Promise.all(Array.from({ length: 20 }, () => send(mf, pair)));
      expect(others.map((a) => a.status)).toEqual(Array(20).fill(200));
      expect(new Set(others.map((a) => `${a.body['access']}|${a.body['refresh']}`)).size).toBe(1);
      expect((await control().refreshStatuses()).slice(before)).toEqual([200]);
    } finally {
      await mf.dispose();
    }
  });

  it('without waitUntil the cancelled request takes its refresh down: the others are refused (the reason for the option)', async () => {
    const pair = await expiredPair();
    const mf = await isolate();
    try {
      const first = await send(mf, pair, { giveUpMidRefresh: true, waitUntil: false });
      expect(first.status).toBe(499);
      const other = await send(mf, pair, { waitUntil: false });
      expect([other.status, other.body['error']]).toEqual([401, 'ERR_TOKEN_SET_INVALID']);
    } finally {
      await mf.dispose();
    }
  });

  it('across isolates without sharedRefreshGrace the race remains (measured; the shared record: store-kv refresh-grace tests): the requests of one isolate get the pair, the other isolates are refused', async () => {
    const pair = await expiredPair();
    const before = (await control().refreshStatuses()).length;
    const isolates = await Promise.all([isolate(), isolate(), isolate()]);
    try {
      const answers = await Promise.all(isolates.map((mf) => Promise.all(Array.from({ length: 5 }, () => send(mf, pair)))));
      const perIsolate = answers.map((list) => list.map((a) => a.status).join(','));
      console.log(`refresh race across 3 isolates x 5 requests: ${perIsolate.join(' | ')}`);
      const served = answers.filter((list) => list.every((a) => a.status === 200));
      const refused = answers.filter((list) => list.every((a) => a.status === 401 && a.body['error'] === 'ERR_TOKEN_SET_INVALID'));
      expect([served.length, refused.length]).toEqual([1, 2]);
      // Exactly one refresh is accepted; every other one, from the isolates that lost, is refused.
      const statuses = (await control().refreshStatuses()).slice(before);
      expect(statuses.filter((status) => status === 200)).toEqual([200]);
      expect(statuses.filter((status) => status !== 200).every((status) => status === 401)).toBe(true);
    } finally {
      await Promise.all(isolates.map((mf) => mf.dispose()));
    }
  });
});
