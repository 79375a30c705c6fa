// Bundled by the Deno grace test and run by the Deno CLI, one process per server, all on one
// Deno KV database file. Usage: <bundle> race <request JSON> <kv dir> | <bundle> dump '{}' <kv dir>.
// Prints one JSON line.
import { AuthLiteClient, AuthLiteError } from '@authlite/core';
import type { RaceCredentials } from '@authlite/test-helpers';
import { createSharedRefreshGrace, type DenoKv, fromDenoKv } from '../../src/index.js';

interface DenoKvHandle extends DenoKv {
  close(): void;
}
declare const Deno: { args: string[]; openKv(path: string): Promise<DenoKvHandle> };

/** What `race` is given. */
interface RaceInput extends RaceCredentials {
  /** Concurrent requests of this server. */
  requests: number;
  /** Build the client with the shared grace record. */
  shared: boolean;
}

const [mode, inputJson, dir] = Deno.args;
const kv = await Deno.openKv(`${dir}/grace.sqlite3`);
try {
  if (mode === 'race') {
    const input = JSON.parse(inputJson ?? '{}') as RaceInput;
    const { baseUrl, apiKey, secretKey, orgId } = input;
    const client = new AuthLiteClient({
      baseUrl,
      apiKey,
      secretKey,
      orgId,
      timeout: 20_000,
      storeTimeout: 10_000,
      ...(input.shared ? { sharedRefreshGrace: createSharedRefreshGrace(fromDenoKv(kv), { secretKey }) } : {}),
    });
    const writes: Promise<unknown>[] = [];
    const answers = await Promise.all(
      Array.from({ length: input.requests }, async () => {
        try {
          const check = await client.validateTokenSet(input.access, input.refresh, { waitUntil: (write) => writes.push(write) });
          return { ok: true, state: check.state, access: check.access, refresh: check.refresh };
        } catch (error) {
          return { ok: false, error: error instanceof AuthLiteError ? error.code : String(error) };
        }
      }),
    );
    await Promise.all(writes);
    console.log(JSON.stringify(answers));
  } else if (mode === 'dump') {
    const entries: string[] = [];
    for await (const entry of kv.list({ prefix: [] })) entries.push(JSON.stringify(entry.key), JSON.stringify(entry.value));
    console.log(JSON.stringify(entries));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} finally {
  kv.close();
}
