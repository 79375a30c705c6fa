import ky, { isHTTPError, isTimeoutError, type KyInstance, type RetryOptions } from 'ky';
import type { WireCredentials } from '../credentials/client-credentials.ts';
import {
  AnswerTooLargeError,
  HttpError,
  NetworkError,
  RedirectError,
  TimeoutError,
  UnexpectedAnswerError,
} from '../errors/authlite-error.ts';
import { redact, redactThenCut, sanitizeCause } from '../errors/redact.ts';
import type { Clock } from '../runtime/clock.ts';
import { ANSWER_CAPS } from './answer-caps.ts';
import { failedBeforeSending } from './never-sent.ts';
import { readCappedText } from './read-capped.ts';
import { isRedirect, redirectOrigin } from './redirect.ts';
import { clockedRetry } from './retry-policy.ts';
import { readEdge } from './x-edge.ts';

/** Longest `detail` of an error answer kept in an `HttpError`, characters (cut after redaction). */
export const MAX_DETAIL_LENGTH = 500;

/** Where the transport takes the credentials of every call and the secrets to redact. */
export interface CredentialSource {
  /** `api_key` and `signed_key`; awaited once per client. */
  wire(): Promise<WireCredentials>;
  /** Client-wide secrets to redact from every error (API key, secret key, signed key). */
  secrets(): readonly string[];
}

/** What the transport needs; built once per client. */
export interface TransportConfig {
  baseUrl: string;
  /** Per-attempt timeout, milliseconds. */
  timeoutMs: number;
  fetch: typeof fetch | undefined;
  credentials: CredentialSource;
  /**
   * Called with the `X-EDGE` role count of every successful answer that carries one, except
   * answers whose caller takes the count itself ({@link WireRequest.returnsEdge}).
   */
  observeEdge?: ((count: number) => void) | undefined;
  /** Called with the `Date` header of every answer that arrived (the service's clock, RFC 9110). */
  observeDate?: ((date: string | null) => void) | undefined;
  /** The service's clock (estimated): `Retry-After` dates of answers without a `Date` header are judged on it. */
  serviceClock: Clock;
  /** The SDK's clock: its `wait`, when it has one, takes `Retry-After` waits; else ky's own timer. */
  sdkClock?: Clock | undefined;
}

/** One wire call. */
export interface WireRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  retry: RetryOptions;
  /** Per-call values to redact besides the client's secrets (user tokens, codes). */
  secrets?: readonly string[];
  signal?: AbortSignal | undefined;
  /** Largest answer body read, bytes; see `ANSWER_CAPS`. */
  maxBytes: number;
  /**
   * The caller applies this answer's `X-EDGE` count itself, with the body it goes with (the
   * role list and role writes, whose answers define the count); it is not sent to `observeEdge`.
   */
  returnsEdge?: boolean;
}

/** A successful answer: its parsed JSON body and its `X-EDGE` role count, when present. */
export interface WireAnswer {
  body: unknown;
  status: number;
  edge: number | undefined;
}

/**
 * The HTTP layer: one ky instance per client (base URL, timeout), the credentials query on
 * every call, `X-EDGE` read off every answer (the one place it is read) and handed to the
 * role cache, and every failure rewrapped into a typed,
 * redacted error. It knows nothing of what the endpoints mean.
 */
export class Transport {
  #ky: KyInstance | undefined;
  readonly #config: TransportConfig;
  #credentials: WireCredentials | undefined;

  constructor(config: TransportConfig) {
    this.#config = config;
  }

  /**
   * The ky instance, made on the first call: constructing a client sets up no HTTP machinery
   * (ky merges headers into a `Headers`, and Node loads its whole fetch stack on the first
   * `Headers`), so a cold start pays it only when a request is made.
   */
  #http(): KyInstance {
    // Stryker disable next-line ConditionalExpression: equivalent, a ky instance per call has the same options; the cache only saves its set-up.
    if (this.#ky) return this.#ky;
    const given = this.#config.fetch;
    this.#ky = ky.create({
      prefixUrl: this.#config.baseUrl,
      timeout: this.#config.timeoutMs,
      // Looked up at call time and called with globalThis as receiver: a stored, unbound
      // fetch throws "Illegal invocation" on Workers.
      fetch: (input, init) => (given ? given(input, init) : globalThis.fetch(input, init)),
      headers: { accept: 'application/json' },
      // Never follow a redirect: the query carries the credentials and user tokens, a write its
      // body. A 3xx (or a browser's opaqueredirect answer) becomes a RedirectError.
      redirect: 'manual',
    });
    return this.#ky;
  }

  /**
   * Sends one call and returns its parsed answer.
   * @throws HttpError (non-2xx), RedirectError (3xx, never followed), TimeoutError,
   * NetworkError, AnswerTooLargeError (body over `request.maxBytes`), UnexpectedAnswerError (not JSON).
   * An `AbortSignal` that fires rejects with the signal's reason, unchanged.
   */
  async send(request: WireRequest): Promise<WireAnswer> {
    // The credentials never change once computed: awaited once per client, not per call.
    const { apiKey, signedKey } = (this.#credentials ??= await this.#config.credentials.wire());
    const searchParams = new URLSearchParams(request.query);
    searchParams.set('api_key', apiKey);
    searchParams.set('signed_key', signedKey);
    // The query goes into the input string, not ky's `searchParams` option, with which ky builds
    // every Request twice (once without, once with the query). Same URL, one Request per call.
    // Every endpoint path starts with "/", which ky's prefixUrl refuses.
    const input = `${request.path.slice(1)}?${searchParams}`;
    // Only an error needs the list of secrets to redact.
    // Stryker disable next-line ArrayDeclaration: equivalent, an extra fallback entry only redacts one more string.
    const secrets = () => this.#config.credentials.secrets().concat(request.secrets ?? []);
    // ky retries failed requests; an answer whose body is cut short is retried here, under
    // the same limit, because ky hands the body over unread.
    const retry = clockedRetry(request.retry, this.#config.serviceClock, this.#config.sdkClock, request.signal);
    for (let bodyRetries = request.retry.limit ?? 0; ; bodyRetries--) {
      let response: Response;
      try {
        response = await this.#http()(input, {
          method: request.method,
          json: request.json,
          retry,
          ...(request.signal ? { signal: request.signal } : {}),
        });
      } catch (error) {
        throw await this.#rewrap(error, request, secrets());
      }
      let text: string | undefined;
      try {
        text = await readCappedText(response, request.maxBytes);
      } catch (error) {
        if (bodyRetries > 0 && !request.signal?.aborted) continue;
        throw new NetworkError(request.method, request.path, 'the answer body could not be read', sanitizeCause(error, secrets()));
      }
      if (text === undefined) throw new AnswerTooLargeError(request.path, request.maxBytes);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new UnexpectedAnswerError(request.path, 'the body is not JSON');
      }
      this.#config.observeDate?.(response.headers.get('date'));
      const edge = readEdge(response.headers);
      if (edge !== undefined && !request.returnsEdge) this.#config.observeEdge?.(edge);
      return { body, status: response.status, edge };
    }
  }

  async #rewrap(error: unknown, request: WireRequest, secrets: readonly string[]): Promise<unknown> {
    // Stryker disable next-line ConditionalExpression: equivalent, an aborted fetch rejects with the signal's reason itself.
    if (request.signal?.aborted && request.signal.reason === error) return error;
    if (isHTTPError(error)) {
      const { response } = error;
      if (isRedirect(response)) {
        await response.body?.cancel().catch(() => undefined);
        // Stryker disable next-line ConditionalExpression,StringLiteral: an opaqueredirect answer exists only in browsers: the runtime matrix's Chromium run asserts status undefined.
        const status = response.type === 'opaqueredirect' ? undefined : response.status;
        return new RedirectError(request.method, request.path, status, redirectOrigin(response, this.#config.baseUrl));
      }
      // An error answer tells the service's time too: a new isolate's first answer may be a refused refresh.
      this.#config.observeDate?.(response.headers.get('date'));
      const detail = await readDetail(response);
      return new HttpError(
        request.method,
        request.path,
        response.status,
        detail === undefined ? undefined : redactThenCut(detail, secrets, MAX_DETAIL_LENGTH),
      );
    }
    if (isTimeoutError(error)) return new TimeoutError(request.method, request.path, this.#config.timeoutMs);
    // Stryker disable next-line all: for runtimes that reject an aborted fetch with a new AbortError instead of the signal's reason; none of the six does.
    if (error instanceof DOMException && error.name === 'AbortError' && request.signal?.aborted) return request.signal.reason;
    const reason = error instanceof Error ? redact(error.message, secrets) : 'request failed';
    return new NetworkError(request.method, request.path, reason, sanitizeCause(error, secrets), failedBeforeSending(error));
  }
}

/** The `detail` of an error answer as text (a non-string detail as JSON), uncut; `undefined` when absent or over the cap. */
async function readDetail(response: Response): Promise<string | undefined> {
  // Stryker disable BlockStatement: equivalent, an empty catch answers undefined too.
  try {
    // Over the cap (the read answers undefined), not JSON, or `null`: parsing or reading `detail` throws.
    const detail = (JSON.parse((await readCappedText(response, ANSWER_CAPS.errorBody)) as string) as { detail?: unknown }).detail;
    // JSON.stringify(undefined) is undefined: an answer without `detail` has none.
    return typeof detail === 'string' ? detail : JSON.stringify(detail);
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
}
