import { snapshotKey } from '@authlite/core/store';
import { plantedSnapshot } from '@authlite/store-conformance';
import { createStorage, prefixStorage, type Storage } from 'unstorage';
import githubDriver from 'unstorage/drivers/github';
import memoryDriver from 'unstorage/drivers/memory';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createUnstorageStore,
  DEFAULT_STORE_TIMEOUT_MS,
  DRIVER_LIMITS,
  fromUnstorage,
  StoreTimeoutError,
  type UnstorageLike,
} from '../src/index.js';

const KEY = snapshotKey('org-1');

describe('createUnstorageStore on unstorage drivers', () => {
  it('takes a real unstorage Storage and a prefixStorage of one', () => {
    expectTypeOf<Storage>().toExtend<UnstorageLike>();
    const storage = createStorage({ driver: memoryDriver() });
    expect(() => createUnstorageStore(prefixStorage(storage, 'app'))).not.toThrow();
  });

  it('keeps each snapshot as the JSON envelope under <prefix><key>, and reads it back', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    const store = createUnstorageStore(storage, { prefix: 'app:', ttl: 120 });
    const snapshot = plantedSnapshot({ orgId: 'org-1' });
    await store.set(KEY, snapshot);
    expect(await storage.getKeys()).toEqual([`app:${KEY}`]);
    expect(await storage.getItem(`app:${KEY}`)).toMatchObject({ value: snapshot });
    expect(await store.get(KEY)).toEqual(snapshot);
  });

  it('refuses bad arguments with a TypeError naming them, before any storage call', () => {
    expect(() => createUnstorageStore({} as never)).toThrow(/needs an unstorage Storage/);
    const storage = createStorage({ driver: memoryDriver() });
    expect(() => createUnstorageStore(storage, { timeout: 0 })).toThrow(/Invalid option "timeout"/);
    expect(() => createUnstorageStore(storage, { timeout: 1.5 })).toThrow(/Invalid option "timeout"/);
    expect(() => createUnstorageStore(storage, { timeout: 60_001 })).toThrow(/Invalid option "timeout"/);
    expect(() => createUnstorageStore(storage, { ttl: 0 })).toThrow(/Invalid option "ttl"/);
    expect(() => fromUnstorage(storage, null as never)).toThrow(/Invalid option "options"/);
    expect(DEFAULT_STORE_TIMEOUT_MS).toBe(1_000);
  });

  it('refuses a prefix that unstorage would rewrite, so that reads and writes never miss each other', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    for (const prefix of ['a/b:', 'a?', 'a::', ':a', 'a\\b']) {
      expect(() => createUnstorageStore(storage, { prefix }), prefix).toThrow(/Invalid option "prefix" of createUnstorageStore/);
    }
    const backend = fromUnstorage(storage);
    await expect(backend.put('a/b', 'x', 60)).rejects.toThrow(/another name/);
    await expect(backend.get('a?b')).rejects.toThrow(RangeError);
    expect(await storage.getKeys()).toEqual([]);
  });

  it('refuses a read-only driver (github has no setItem) at once instead of writes that vanish', () => {
    const storage = createStorage({ driver: githubDriver({ repo: 'example/none' }) });
    expect(() => createUnstorageStore(storage)).toThrow(/driver "github" mounted for the role keys is read-only/);
    const mounted = createStorage({ driver: memoryDriver() });
    mounted.mount('ro', githubDriver({ repo: 'example/none' }));
    expect(() => createUnstorageStore(mounted)).not.toThrow();
    expect(() => createUnstorageStore(mounted, { prefix: 'ro:' })).toThrow(TypeError);
    // A key that lands on the read-only mount, through the backend alone: refused, not dropped.
    return expect(fromUnstorage(mounted).put('ro:k', '{}', 60)).rejects.toThrow(/driver "github" is read-only/);
  });

  it('refuses a value over the driver limit before writing; a client keeps answering (the write is contained)', async () => {
    const storage = createStorage({ driver: memoryDriver() });
    const store = createUnstorageStore(storage, { limits: { maxValueBytes: 200 } });
    await expect(store.set(KEY, plantedSnapshot({ orgId: 'org-1' }))).rejects.toThrow(/at most 200 bytes; this one has \d+/);
    expect(await storage.getKeys()).toEqual([]);
    expect(DRIVER_LIMITS['deno-kv']?.maxValueBytes).toBe(65_536);
    expect(DRIVER_LIMITS['cloudflare-kv-binding']?.maxKeyBytes).toBe(512);
  });

  it('ends a call that does not settle at its deadline with StoreTimeoutError', async () => {
    const never = createStorage({
      driver: {
        name: 'never',
        hasItem: () => false,
        getItem: () => new Promise(() => undefined),
        getKeys: () => [],
        setItem: () => new Promise(() => undefined),
      },
    });
    const store = createUnstorageStore(never, { timeout: 20 });
    const error = await Promise.resolve(store.get(KEY)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreTimeoutError);
    expect(error).toMatchObject({
      code: 'ERR_STORE_TIMEOUT',
      operation: 'get',
      timeoutMs: 20,
      message: 'role store get did not answer within 20 ms',
    });
  });
});
