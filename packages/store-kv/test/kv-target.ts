import type { StoreTarget } from '@authlite/store-conformance';
import { createKvStore, type KvBackend } from '../src/index.js';

/**
 * A KV backend as a conformance target: namespace `space` is the key prefix `<space>:`.
 * `backend()` is called for every handle, so a backend that opens a connection per call
 * (Deno KV) gives each store a connection of its own on the same data.
 */
export function kvTarget(name: string, backend: () => KvBackend | Promise<KvBackend>, close?: () => void | Promise<void>): StoreTarget {
  return {
    name,
    openStore: async (space) => createKvStore(await backend(), { prefix: `${space}:` }),
    // The store's own layout (see envelope.ts), with `raw` where the snapshot would be.
    writeRaw: async (space, _orgId, key, raw) =>
      (await backend()).put(`${space}:${key}`, JSON.stringify({ expiresAt: Date.now() / 1000 + 3600, value: raw }), 3600),
    ...(close ? { close } : {}),
  };
}
