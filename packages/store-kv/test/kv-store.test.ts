import { snapshotKey } from '@authlite/core/store';
import { ManualClock, plantedSnapshot, runConformance } from '@authlite/store-conformance';
import {
  type ConformanceEmulator,
  describeConformance,
  expectClientToAnswerDespite,
  startConformanceEmulator,
} from '@authlite/store-conformance/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKvStore, DEFAULT_TTL_S, fromCloudflareKv, fromDenoKv, type KvBackend, KvRoleStore } from '../src/index.js';
import { kvTarget } from './kv-target.js';

/** A backend a user writes for their own key-value service: it keeps strings and records the TTLs it was given. */
class StringBackend implements KvBackend {
  readonly entries = new Map<string, string>();
  readonly ttls: number[] = [];
  async get(key: string): Promise<unknown> {
    return this.entries.get(key) ?? null;
  }
  async put(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.ttls.push(ttlSeconds);
    this.entries.set(key, value);
  }
}

/** Like Upstash and Vercel KV: `get` returns the stored JSON already decoded. */
class DecodingBackend extends StringBackend {
  override async get(key: string): Promise<unknown> {
    const raw = this.entries.get(key);
    if (raw === undefined) return null;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
}

let emulator: ConformanceEmulator;
beforeAll(async () => {
  emulator = await startConformanceEmulator();
});
afterAll(() => emulator?.stop());

const stringBackend = new StringBackend();
describeConformance('a backend of your own (strings)', () =>
  runConformance(
    kvTarget('own backend', () => stringBackend),
    emulator.config,
  ),
);
const decodingBackend = new DecodingBackend();
describeConformance('a backend that decodes JSON (Upstash style)', () =>
  runConformance(
    kvTarget('decoding backend', () => decodingBackend),
    emulator.config,
  ),
);

describe('createKvStore', () => {
  it('rejects a backend without get and put, and bad options, with a TypeError naming them', () => {
    expect(() => createKvStore({ get: async () => null } as never)).toThrow(/needs a backend with get\(key\) and put/);
    expect(() => createKvStore(null as never)).toThrow(TypeError);
    const backend = new StringBackend();
    expect(() => createKvStore(backend, { prefix: 'p'.repeat(257) })).toThrow(/Invalid option "prefix"/);
    expect(() => createKvStore(backend, { ttl: 0 })).toThrow(/Invalid option "ttl"/);
    expect(() => createKvStore(backend, { Prefix: 'a:' } as never)).toThrow(
      expect.objectContaining({
        name: 'ConfigurationError',
        option: 'Prefix',
        message: 'Unknown option "Prefix" (did you mean "prefix"?)',
      }),
    );
    expect(() => createKvStore(backend, { ttl: 1.5 })).toThrow(/Invalid option "ttl"/);
    expect(() => createKvStore(backend, { ttl: 31_536_001 })).toThrow(/Invalid option "ttl"/);
    expect(() => createKvStore(backend, null as never)).toThrow(/Invalid option "options"/);
    expect(() => createKvStore(backend, { clock: {} as never })).toThrow(/Invalid option "clock"/);
    expect(backend.entries.size).toBe(0);
  });

  it('keeps each snapshot under <prefix><key> as JSON with its own expiry, and gives the backend the ttl', async () => {
    const backend = new StringBackend();
    const clock = new ManualClock(1_800_000_000_000);
    const store = new KvRoleStore(backend, { prefix: 'app1:', ttl: 120, clock });
    const snapshot = plantedSnapshot({ orgId: 'org-1', fetchedAt: 1_700_000_000 });
    await store.set('k', snapshot);
    expect([...backend.entries.keys()]).toEqual(['app1:k']);
    expect(backend.ttls).toEqual([120]);
    const kept = JSON.parse(backend.entries.get('app1:k')!) as { expiresAt: number; value: unknown };
    expect(kept.value).toEqual(snapshot);
    expect(kept.expiresAt).toBe(1_800_000_000 + 120);
    expect(await store.get('k')).toEqual(snapshot);
    clock.advanceS(119);
    expect(await store.get('k')).toEqual(snapshot);
    clock.advanceS(1);
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', plantedSnapshot({ orgId: 'org-1', fetchedAt: 1 }));
    expect(((await store.get('k')) as { fetchedAt: number }).fetchedAt).toBe(1);
    // The prefix is only put before the key: a store without one finds the same entry under the full key.
    expect(await createKvStore(backend).get('app1:k')).toEqual(await store.get('k'));
  });

  it('defaults to a one-day ttl and no prefix', async () => {
    const backend = new StringBackend();
    await createKvStore(backend).set(snapshotKey('org-1'), plantedSnapshot({ orgId: 'org-1' }));
    expect(DEFAULT_TTL_S).toBe(86_400);
    expect(backend.ttls).toEqual([86_400]);
    expect([...backend.entries.keys()]).toEqual([snapshotKey('org-1')]);
  });

  it('reads anything that is not an unexpired envelope as absent, without throwing', async () => {
    const backend = new StringBackend();
    const store = createKvStore(backend);
    const now = Date.now() / 1000;
    const junk: Record<string, string> = {
      'not JSON': 'garbage{',
      'JSON without value': JSON.stringify({ expiresAt: now + 60 }),
      'JSON without expiry': JSON.stringify({ value: { v: 1 } }),
      'expiry not a number': JSON.stringify({ expiresAt: 'tomorrow', value: { v: 1 } }),
      expired: JSON.stringify({ expiresAt: now - 1, value: { v: 1 } }),
      'a bare snapshot': JSON.stringify(plantedSnapshot({ orgId: 'org-1' })),
      'JSON null': 'null',
    };
    for (const [name, raw] of Object.entries(junk)) backend.entries.set(name, raw);
    for (const name of Object.keys(junk)) expect(await store.get(name), name).toBeUndefined();
    expect(await store.get('never written')).toBeUndefined();
  });

  it('throws what the backend throws; a client on such a store still answers from the API', async () => {
    const failing: KvBackend = {
      get: async () => {
        throw new Error('backend down');
      },
      put: async () => {
        throw new Error('backend down');
      },
    };
    const store = createKvStore(failing);
    await expect(store.get('k')).rejects.toThrow('backend down');
    await expect(store.set('k', plantedSnapshot({ orgId: 'o' }))).rejects.toThrow('backend down');
    await expectClientToAnswerDespite(store);
  });
});

describe('adapters refuse what is not their backend', () => {
  it('fromCloudflareKv and fromDenoKv throw a TypeError before any call', () => {
    expect(() => fromCloudflareKv({} as never)).toThrow(/Workers KV namespace binding/);
    expect(() => fromDenoKv({ get: async () => null } as never)).toThrow(/Deno KV handle/);
    expect(() => fromDenoKv({ get() {}, list() {}, atomic() {} } as never, { prefix: 'authlite' as never })).toThrow(
      /Invalid option "prefix"/,
    );
  });
});
