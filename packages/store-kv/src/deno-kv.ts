import type { KvBackend } from './kv-backend.ts';

/** A part of a Deno KV key. */
export type DenoKvKeyPart = string | number | bigint | boolean | symbol | Uint8Array;
/** A Deno KV key. */
export type DenoKvKey = readonly DenoKvKeyPart[];

/** The part of a `Deno.AtomicOperation` the adapter uses. */
export interface DenoKvAtomic {
  /** The commit fails (`ok: false`) unless each key still has the given versionstamp (`null`: absent). */
  check(...checks: { key: DenoKvKey; versionstamp: string | null }[]): DenoKvAtomic;
  /** Sets `key` to `value`; `expireIn` in milliseconds. */
  set(key: DenoKvKey, value: unknown, options?: { expireIn?: number }): DenoKvAtomic;
  /** Deletes `key`. */
  delete(key: DenoKvKey): DenoKvAtomic;
  /** Applies every operation at once, or none: `ok` is false when a check failed. */
  commit(): Promise<{ ok: boolean }>;
}

/** The part of a `Deno.Kv` (from `Deno.openKv()`) the adapter uses. */
export interface DenoKv {
  /** `Deno.Kv.get(key)`: the entry's value and versionstamp (`null` when absent). */
  get(key: DenoKvKey): Promise<{ value: unknown; versionstamp: string | null }>;
  /** `Deno.Kv.list({ prefix })`: every entry under the prefix. */
  list(selector: { prefix: DenoKvKey }): AsyncIterable<{ key: DenoKvKey; value: unknown }>;
  /** `Deno.Kv.atomic()`: a new atomic operation. */
  atomic(): DenoKvAtomic;
}

/** Options of {@link fromDenoKv}. */
export interface DenoKvOptions {
  /** First parts of every key. Default `["authlite"]`. */
  prefix?: DenoKvKeyPart[];
}

/** Largest value Deno KV accepts is 65536 bytes; each chunk stays well below. */
export const DENO_KV_CHUNK_BYTES = 60_000;
/** Largest value the adapter writes, bytes: one atomic commit carries at most 800 KiB in all. */
export const DENO_KV_MAX_VALUE_BYTES = 720_000;
const WRITE_ATTEMPTS = 5;

/** A commit refused for a moment: the local SQLite file is being written by another connection. */
function isBusy(error: unknown): boolean {
  return error instanceof Error && /database is locked|database is busy/i.test(error.message);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the key itself holds: the value, or where its chunks are. */
type Head = { inline: string } | { id: string; chunks: number };

function isHead(value: unknown): value is Head {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as Record<string, unknown>;
  return typeof head['inline'] === 'string' || (typeof head['id'] === 'string' && Number.isInteger(head['chunks']));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A {@link KvBackend} on Deno KV (`await Deno.openKv()`, on the Deno CLI with `--unstable-kv`
 * or on Deno Deploy). Deno KV limits live here: a value above 64 KiB (an organisation of about
 * a hundred roles with twenty permissions each) is split into chunks under
 * `[...prefix, key, <id>, <n>]` and written in one atomic commit with the key itself, so a
 * reader sees the old or the new value, never a mix; the old chunks go in the same commit.
 * Values above 720 000 bytes are refused with a `RangeError`. A commit that meets another
 * writer (a changed key, or a local database file locked by another connection) is retried
 * a few times. Expiry is `expireIn` on every entry (best-effort in Deno KV; the snapshot's
 * own expiry is what counts).
 * @throws TypeError when `kv` is not a Deno KV handle or the prefix is invalid.
 */
export function fromDenoKv(kv: DenoKv, options: DenoKvOptions = {}): KvBackend {
  if (typeof kv?.get !== 'function' || typeof kv?.atomic !== 'function' || typeof kv?.list !== 'function') {
    throw new TypeError('fromDenoKv needs a Deno KV handle (await Deno.openKv())');
  }
  const prefix = options.prefix ?? ['authlite'];
  if (!Array.isArray(prefix) || prefix.length > 8)
    throw new TypeError('Invalid option "prefix" of fromDenoKv: expected at most 8 key parts');
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  return {
    async get(key) {
      const head = (await kv.get([...prefix, key])).value;
      if (!isHead(head)) return undefined;
      if ('inline' in head) return head.inline;
      const parts: Uint8Array[] = [];
      for await (const entry of kv.list({ prefix: [...prefix, key, head.id] })) {
        if (!(entry.value instanceof Uint8Array)) return undefined;
        parts.push(entry.value);
      }
      // Fewer chunks than announced: some expired first; read as no value.
      if (parts.length !== head.chunks) return undefined;
      return decoder.decode(concat(parts));
    },

    async put(key, value, ttlSeconds) {
      const bytes = encoder.encode(value);
      if (bytes.length > DENO_KV_MAX_VALUE_BYTES) {
        throw new RangeError(`Deno KV role snapshots are at most ${DENO_KV_MAX_VALUE_BYTES} bytes; this one has ${bytes.length}`);
      }
      const headKey = [...prefix, key];
      const expiry = { expireIn: ttlSeconds * 1000 };
      for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
        const current = await kv.get(headKey);
        const op = kv.atomic().check({ key: headKey, versionstamp: current.versionstamp });
        if (bytes.length <= DENO_KV_CHUNK_BYTES) {
          op.set(headKey, { inline: value } satisfies Head, expiry);
        } else {
          const id = crypto.randomUUID();
          const chunks = Math.ceil(bytes.length / DENO_KV_CHUNK_BYTES);
          for (let i = 0; i < chunks; i++) {
            op.set([...headKey, id, i], bytes.slice(i * DENO_KV_CHUNK_BYTES, (i + 1) * DENO_KV_CHUNK_BYTES), expiry);
          }
          op.set(headKey, { id, chunks } satisfies Head, expiry);
        }
        const old = current.value;
        if (isHead(old) && 'id' in old) for (let i = 0; i < old.chunks; i++) op.delete([...headKey, old.id, i]);
        // Another writer changed the key between the read and the commit, or holds the local
        // database file this moment: read again and retry.
        try {
          if ((await op.commit()).ok) return;
        } catch (error) {
          if (!isBusy(error) || attempt === WRITE_ATTEMPTS - 1) throw error;
          await pause(5 + Math.random() * 20 * (attempt + 1));
        }
      }
      throw new Error(`Deno KV: the role snapshot changed under ${WRITE_ATTEMPTS} writes in a row`);
    },
  };
}
