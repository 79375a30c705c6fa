// Bundled into several module workers (one isolate each) that share one KV namespace: the
// refresh race across isolates, with and without the shared grace record.
import { AuthLiteClient, AuthLiteError } from '@authlite/core';
import { type CloudflareKvNamespace, createSharedRefreshGrace, fromCloudflareKv, type KvBackend } from '../../src/index.js';

const REFRESH_PATH = '/api/user/me/access/token/';

/** What each request posts. */
export interface GraceRequest {
  baseUrl: string;
  apiKey: string;
  secretKey: string;
  orgId: string;
  access: string;
  refresh: string;
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
let onRefreshSent: (() => void) | undefined;

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
    fetch: (input, init) => {
      if (new URL(input instanceof Request ? input.url : String(input)).pathname === REFRESH_PATH) onRefreshSent?.();
      return fetch(input, init);
    },
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
    if (body.giveUpMidRefresh) {
      const controller = new AbortController();
      onRefreshSent = () => controller.abort(new Error('gave up mid-refresh'));
      options.signal = controller.signal;
    }
    try {
      return Response.json(await sdk.validateTokenSet(body.access, body.refresh, options));
    } catch (error) {
      if (error instanceof AuthLiteError) return Response.json({ error: error.code }, { status: 401 });
      return Response.json({ error: (error as Error).message }, { status: 499 });
    } finally {
      if (body.giveUpMidRefresh) onRefreshSent = undefined;
    }
  },
};
