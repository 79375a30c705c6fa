// The refresh race's worker side, shared by the entries bundled into workerd isolates and Deno
// scripts: runtime-neutral (fetch, AbortController and Response only).

/** The token refresh endpoint's path (POST, TrustAuthX `/api/user/me/access/token/`). */
export const REFRESH_PATH = '/api/user/me/access/token/';

/** What each racing request is given: the organisation's keys, the emulator's URL and the expired access/refresh token pair. */
export interface RaceCredentials {
  baseUrl: string;
  apiKey: string;
  secretKey: string;
  orgId: string;
  /** The expired access token (JWT). */
  access: string;
  /** Its refresh token. */
  refresh: string;
}

/**
 * The "give up mid-refresh" caller of a shared client: {@link fetch} goes to the client's
 * `fetch` option and tells when a refresh is sent; {@link signal} hands one request an
 * `AbortSignal` that aborts at that moment (reason: Error "gave up mid-refresh"), until
 * {@link release}.
 */
export class MidRefreshGiveUp {
  #onRefreshSent: (() => void) | undefined;

  /** `fetch`, which first signals a request to {@link REFRESH_PATH}. */
  readonly fetch: typeof fetch = (input, init) => {
    if (new URL(input instanceof Request ? input.url : String(input)).pathname === REFRESH_PATH) this.#onRefreshSent?.();
    return fetch(input, init);
  };

  /** A signal that aborts as soon as the client sends its next refresh. */
  signal(): AbortSignal {
    const controller = new AbortController();
    this.#onRefreshSent = () => controller.abort(new Error('gave up mid-refresh'));
    return controller.signal;
  }

  /** Stops aborting on refresh (the request that called {@link signal} has ended). */
  release(): void {
    this.#onRefreshSent = undefined;
  }
}

/**
 * Answers one racing request: the result of `validate` as JSON (200); an error with a `code`
 * of the SDK's error class as `{ error: code }` (401); any other error as `{ error: message }` (499).
 */
export async function raceAnswer(
  validate: () => Promise<unknown>,
  sdkError: abstract new (...args: never[]) => { code: string },
): Promise<Response> {
  try {
    return Response.json(await validate());
  } catch (error) {
    if (error instanceof sdkError) return Response.json({ error: error.code }, { status: 401 });
    return Response.json({ error: (error as Error).message }, { status: 499 });
  }
}
