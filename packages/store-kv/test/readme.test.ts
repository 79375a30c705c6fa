// The README's set-ups are the files under test/readme/, word for word: Redis runs here against a
// real redis-server and the emulator, Cloudflare runs as a Worker in workerd, Upstash is
// type-checked only (`pnpm typecheck`; it would need the network).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CONFORMANCE_ORGS, EmulatorControl } from '@authlite/store-conformance';
import {
  bundle,
  type ConformanceEmulator,
  type RedisServer,
  startConformanceEmulator,
  startRedisServer,
} from '@authlite/store-conformance/node';
import { Redis } from 'ioredis';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MAIN_SNAPSHOT_KEY as KEY, VIEWER } from './conformance-roles.js';

const snippet = (name: string) => readFile(fileURLToPath(new URL(`./readme/${name}.ts`, import.meta.url)), 'utf8');

let emulator: ConformanceEmulator;
beforeAll(async () => {
  emulator = await startConformanceEmulator();
});
afterAll(() => emulator?.stop());

describe('README set-ups', () => {
  it('quotes each set-up file word for word', async () => {
    const readme = await readFile(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    for (const name of ['redis', 'upstash', 'cloudflare']) expect(readme, name).toContain(`\`\`\`ts\n${await snippet(name)}\`\`\``);
  });

  describe('Redis', () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    afterAll(() => redis?.stop());

    it('runs: the client fetches once, saves to Redis under the prefix, answers right', async () => {
      const { main } = CONFORMANCE_ORGS;
      Object.assign(process.env, {
        REDIS_URL: redis.url,
        TRUSTAUTHX_API_KEY: main.apiKey,
        TRUSTAUTHX_SECRET_KEY: main.secretKey,
        TRUSTAUTHX_ORG_ID: main.orgId,
        TRUSTAUTHX_BASE_URL: emulator.config.emulatorUrl,
      });
      const emu = new EmulatorControl(emulator.config.emulatorUrl);
      await emu.reset();
      const { client } = await import('./readme/redis.js');
      expect(await client.roles.validate(ADMIN, 'billing', 'write')).toBe(true);
      expect(await client.roles.validate(VIEWER, 'billing', 'write')).toBe(false);
      expect(await emu.roleFetches()).toBe(1);
      const raw = new Redis(redis.url);
      try {
        expect(await raw.exists(`myapp:${KEY}`)).toBe(1);
      } finally {
        raw.disconnect();
      }
    });
  });

  it('Cloudflare runs as a Worker: the check is answered and the snapshot lands in the KV namespace', async () => {
    const { main } = CONFORMANCE_ORGS;
    const script = await bundle(fileURLToPath(new URL('./readme/cloudflare.ts', import.meta.url)), {
      format: 'esm',
      conditions: ['workerd', 'worker'],
    });
    const mf = new Miniflare({
      modules: true,
      script,
      kvNamespaces: ['ROLES'],
      bindings: {
        TRUSTAUTHX_API_KEY: main.apiKey,
        TRUSTAUTHX_SECRET_KEY: main.secretKey,
        TRUSTAUTHX_ORG_ID: main.orgId,
        TRUSTAUTHX_BASE_URL: emulator.config.emulatorUrl,
      },
      compatibilityDate: '2026-07-01',
      cf: false,
    });
    try {
      const ask = async (role: string) =>
        (await (await mf.dispatchFetch(`http://worker.local/?role=${role}`)).json()) as { allowed: boolean };
      expect(await ask(ADMIN)).toEqual({ allowed: true });
      expect(await ask(VIEWER)).toEqual({ allowed: false });
      const kv = (await mf.getKVNamespace('ROLES')) as unknown as { get(key: string): Promise<string | null> };
      expect(await kv.get(KEY)).toContain('"expiresAt"');
    } finally {
      await mf.dispose();
    }
  });
});
