// workerd entry for the refresh race: one client for the whole isolate (module scope, as apps
// keep it), shared by concurrent requests that each call validateTokenSet with the same pair.
import { AuthLiteClient, AuthLiteError } from '@authlite/core';
import { MidRefreshGiveUp, type RaceCredentials, raceAnswer } from '@authlite/test-helpers';

/** What each request posts. */
export interface RaceRequest extends RaceCredentials {
  /** End this request as soon as its refresh is sent (the caller gives up mid-refresh). */
  giveUpMidRefresh?: boolean;
  /** Hand the SDK `ctx.waitUntil` (default true). */
  waitUntil?: boolean;
}

interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

let client: AuthLiteClient | undefined;
const giveUp = new MidRefreshGiveUp();

function sharedClient(body: RaceRequest): AuthLiteClient {
  client ??= new AuthLiteClient({
    apiKey: body.apiKey,
    secretKey: body.secretKey,
    orgId: body.orgId,
    baseUrl: body.baseUrl,
    timeout: 3_000,
    fetch: giveUp.fetch,
  });
  return client;
}

export default {
  async fetch(request: Request, _env: unknown, ctx: Context): Promise<Response> {
    const body = (await request.json()) as RaceRequest;
    const sdk = sharedClient(body);
    const options: { signal?: AbortSignal; waitUntil?: (promise: Promise<unknown>) => void } = {};
    if (body.waitUntil !== false) options.waitUntil = (promise) => ctx.waitUntil(promise);
    if (body.giveUpMidRefresh) options.signal = giveUp.signal();
    try {
      return await raceAnswer(() => sdk.validateTokenSet(body.access, body.refresh, options), AuthLiteError);
    } finally {
      if (body.giveUpMidRefresh) giveUp.release();
    }
  },
};
