// workerd entry for the refresh race: one client for the whole isolate (module scope, as apps
// keep it), shared by concurrent requests that each call validateTokenSet with the same pair.
import { AuthLiteClient, AuthLiteError } from '@authlite/core';

const REFRESH_PATH = '/api/user/me/access/token/';

/** What each request posts. */
export interface RaceRequest {
  baseUrl: string;
  apiKey: string;
  secretKey: string;
  orgId: string;
  access: string;
  refresh: string;
  /** End this request as soon as its refresh is sent (the caller gives up mid-refresh). */
  giveUpMidRefresh?: boolean;
  /** Hand the SDK `ctx.waitUntil` (default true). */
  waitUntil?: boolean;
}

interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

let client: AuthLiteClient | undefined;
/** Called when the shared client sends a refresh; set by a request that gives up then. */
let onRefreshSent: (() => void) | undefined;

function sharedClient(body: RaceRequest): AuthLiteClient {
  client ??= new AuthLiteClient({
    apiKey: body.apiKey,
    secretKey: body.secretKey,
    orgId: body.orgId,
    baseUrl: body.baseUrl,
    timeout: 3_000,
    fetch: (input, init) => {
      if (new URL(input instanceof Request ? input.url : String(input)).pathname === REFRESH_PATH) onRefreshSent?.();
      return fetch(input, init);
    },
  });
  return client;
}

export default {
  async fetch(request: Request, _env: unknown, ctx: Context): Promise<Response> {
    const body = (await request.json()) as RaceRequest;
    const sdk = sharedClient(body);
    const options: { signal?: AbortSignal; waitUntil?: (promise: Promise<unknown>) => void } = {};
    if (body.waitUntil !== false) options.waitUntil = (promise) => ctx.waitUntil(promise);
    if (body.giveUpMidRefresh) {
      const controller = new AbortController();
      onRefreshSent = () => controller.abort(new Error('gave up mid-refresh'));
      options.signal = controller.signal;
    }
    try {
      const check = await sdk.validateTokenSet(body.access, body.refresh, options);
      return Response.json(check);
    } catch (error) {
      if (error instanceof AuthLiteError) return Response.json({ error: error.code }, { status: 401 });
      return Response.json({ error: (error as Error).message }, { status: 499 });
    } finally {
      if (body.giveUpMidRefresh) onRefreshSent = undefined;
    }
  },
};
