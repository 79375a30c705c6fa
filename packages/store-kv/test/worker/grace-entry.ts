// Bundled into several module workers (one isolate each) that share one KV namespace: the
// refresh race across isolates, with and without the shared grace record.
import { AuthLiteClient, AuthLiteError } from '@authlite/core';
import { MidRefreshGiveUp, type RaceCredentials, raceAnswer } from '@authlite/test-helpers';
import { type CloudflareKvNamespace, createSharedRefreshGrace, fromCloudflareKv, type KvBackend } from '../../src/index.js';

/** What each request posts. */
export interface GraceRequest extends RaceCredentials {
  /** Build the isolate's client with the shared grace record (default true). */
  shared?: boolean;
  /** Fault: every read of the shared record takes this long, milliseconds (as the emulator's `delay_ms`). */
  slowStoreReadMs?: number;
  /** End this request as soon as its refresh is sent (the caller gives up mid-refresh). */
  giveUpMidRefresh?: boolean;
}

interface Env {
  GRACE: CloudflareKvNamespace;
}

interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

/** One client per isolate, at module scope, as apps keep it. */
let client: AuthLiteClient | undefined;
const giveUp = new MidRefreshGiveUp();

function graceBackend(env: Env, slowReadMs: number | undefined): KvBackend {
  const kv = fromCloudflareKv(env.GRACE);
  if (!slowReadMs) return kv;
  return {
    get: async (key) => {
      await new Promise((resolve) => setTimeout(resolve, slowReadMs));
      return kv.get(key);
    },
    put: (key, value, ttl) => kv.put(key, value, ttl),
  };
}

function isolateClient(body: GraceRequest, env: Env): AuthLiteClient {
  client ??= new AuthLiteClient({
    apiKey: body.apiKey,
    secretKey: body.secretKey,
    orgId: body.orgId,
    baseUrl: body.baseUrl,
    timeout: 20_000,
    storeTimeout: 10_000,
    ...(body.shared === false
      ? {}
      : { sharedRefreshGrace: createSharedRefreshGrace(graceBackend(env, body.slowStoreReadMs), { secretKey: body.secretKey }) }),
    fetch: giveUp.fetch,
  });
  return client;
}

export default {
  async fetch(request: Request, env: Env, ctx: Context): Promise<Response> {
    const body = (await request.json()) as GraceRequest;
    const sdk = isolateClient(body, env);
    const options: { signal?: AbortSignal; waitUntil: (promise: Promise<unknown>) => void } = {
      waitUntil: (promise) => ctx.waitUntil(promise),
    };
    if (body.giveUpMidRefresh) options.signal = giveUp.signal();
    try {
      return await raceAnswer(() => sdk.validateTokenSet(body.access, body.refresh, options), AuthLiteError);
    } finally {
      if (body.giveUpMidRefresh) giveUp.release();
    }
  },
};
