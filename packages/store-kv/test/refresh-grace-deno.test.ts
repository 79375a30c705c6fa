// The refresh race across Deno processes sharing one Deno KV database (the Deno CLI), with and
// without the shared grace record.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthLiteClient } from '@authlite/core';
import { EmulatorControl } from '@authlite/store-conformance';
import { type ConformanceEmulator, startConformanceEmulator } from '@authlite/store-conformance/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDenoScript, type DenoScript } from './deno-cli.js';
import { graceLeaks } from './grace-leaks.js';

const REFRESH_PATH = '/api/user/me/access/token/';

let emulator: ConformanceEmulator;
let deno: DenoScript;
let users = 0;

beforeAll(async () => {
  emulator = await startConformanceEmulator();
  deno = await bundleDenoScript('grace-entry', 'authlite-deno-grace-');
});
afterAll(async () => {
  await emulator?.stop();
  await deno?.remove();
});

const control = () => new EmulatorControl(emulator.config.emulatorUrl);
const refreshStatuses = async () => (await control().requests()).filter((r) => r.path === REFRESH_PATH).map((r) => r.status);

async function expiredPair(): Promise<{ access: string; refresh: string }> {
  const { main } = emulator.config.orgs;
  const client = new AuthLiteClient({ ...main, baseUrl: emulator.config.emulatorUrl });
  const user = await client.getUser(await control().login(main.orgId, `deno-grace-${users++}@example.com`));
  await control().advanceClock(3601);
  await control().faults([{ path: REFRESH_PATH, delay_ms: 300, times: 1 }]);
  return { access: user.access_token, refresh: user.refresh_token };
}

type Answer = { ok: boolean; state?: boolean; access?: string; refresh?: string; error?: string };

/** 3 Deno processes x 5 concurrent requests on one KV database. */
async function race(shared: boolean, name: string) {
  const kvDir = join(deno.dir, name);
  await mkdir(kvDir);
  const pair = await expiredPair();
  const before = (await refreshStatuses()).length;
  const input = { ...emulator.config.orgs.main, baseUrl: emulator.config.emulatorUrl, ...pair, requests: 5, shared };
  const answers = (await Promise.all([0, 1, 2].map(() => deno.run('race', input, kvDir)))).flat() as Answer[];
  return { pair, answers, statuses: (await refreshStatuses()).slice(before), kvDir };
}

describe('refresh race across Deno processes sharing one Deno KV database', () => {
  it('without the option (baseline): one process keeps the session', async () => {
    const { answers, statuses } = await race(false, 'baseline');
    console.log(
      `across 3 Deno processes x 5 requests, without sharedRefreshGrace: ${answers.filter((a) => a.ok).length}/15 keep the session`,
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    expect(answers.filter((a) => a.error === 'ERR_TOKEN_SET_INVALID')).toHaveLength(10);
    expect(statuses.filter((s) => s === 200)).toEqual([200]);
  });

  it('with sharedRefreshGrace: all 15 get one pair, exactly 1 refresh accepted, no token in Deno KV', async () => {
    const { pair, answers, statuses, kvDir } = await race(true, 'shared');
    console.log(`across 3 Deno processes x 5 requests, with sharedRefreshGrace: ${answers.filter((a) => a.ok).length}/15 keep the session`);
    expect(answers.map((a) => a.ok)).toEqual(Array(15).fill(true));
    expect(new Set(answers.map((a) => `${a.state}|${a.access}|${a.refresh}`)).size).toBe(1);
    expect(answers[0]?.state).toBe(false);
    expect(statuses.sort()).toEqual([200, 401, 401]);
    const entries = (await deno.run('dump', {}, kvDir)) as string[];
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatch(/"inline":"ey/);
    expect(graceLeaks(entries, [pair.access, pair.refresh, answers[0]?.access ?? '', answers[0]?.refresh ?? ''])).toEqual([]);
  });
});
