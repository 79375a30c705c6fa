import { HTTPError } from 'ky';
import { describe, expect, it } from 'vitest';
import { clockedRetry, MAX_RETRY_AFTER_MS, NO_RETRY, retryAfterMs, SAFE_RETRY } from '../../src/transport/retry-policy.js';

const headers = (retryAfter?: string, date?: string) =>
  new Headers({ ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }), ...(date === undefined ? {} : { date }) });

function httpError(status: number, retryAfter?: string): HTTPError {
  const request = new Request('http://127.0.0.1/x');
  return new HTTPError(new Response(null, { status, headers: headers(retryAfter) }), request, {} as never);
}

/** The ky options of SAFE_RETRY with a recording wait (or none); `decide` is their shouldRetry. */
function recorded(nowMs = 0, withWait = true) {
  const waits: number[] = [];
  const clock = { nowMs: () => nowMs, ...(withWait ? { wait: async (ms: number) => void waits.push(ms) } : {}) };
  const options = clockedRetry(SAFE_RETRY, { nowMs: () => nowMs }, clock);
  const decide = options.shouldRetry as (state: { error: Error; retryCount: number }) => Promise<boolean | undefined>;
  const delay = (retryCount: number) => (options.delay as (n: number) => number)(retryCount);
  return { waits, options, decide, delay };
}

describe('retryAfterMs', () => {
  it('reads seconds', () => {
    expect(retryAfterMs(headers('3'), { nowMs: () => 0 })).toBe(3000);
    expect(retryAfterMs(headers('0'), { nowMs: () => 0 })).toBe(0);
  });

  it("reads an HTTP date against the answer's Date header, else against the service clock given", () => {
    const service = Date.UTC(2030, 0, 1, 12, 0, 0);
    const inThree = new Date(service + 3_000).toUTCString();
    expect(retryAfterMs(headers(inThree, new Date(service).toUTCString()), { nowMs: () => 0 })).toBe(3_000);
    expect(retryAfterMs(headers(inThree), { nowMs: () => service })).toBe(3_000);
    expect(retryAfterMs(headers(inThree), { nowMs: () => service + 60_000 })).toBe(-57_000);
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(headers(), { nowMs: () => 0 })).toBeUndefined();
    expect(retryAfterMs(headers('soon'), { nowMs: () => 0 })).toBeUndefined();
  });
});

describe('retry policies', () => {
  it('retries only safe reads, on the transient statuses; ky never reads Retry-After or jitters itself', () => {
    expect(SAFE_RETRY.limit).toBe(2);
    expect(SAFE_RETRY.methods).toEqual(['get']);
    expect(SAFE_RETRY.statusCodes).toEqual([408, 429, 500, 502, 503, 504]);
    expect([SAFE_RETRY.afterStatusCodes, SAFE_RETRY.jitter, SAFE_RETRY.backoffLimit]).toEqual([[], false, Number.POSITIVE_INFINITY]);
    expect(NO_RETRY.limit).toBe(0);
  });

  it("with the clock's wait, a Retry-After wait is taken by the clock before ky retries at once", async () => {
    const { waits, decide, delay } = recorded();
    expect(await decide({ error: httpError(503, '4'), retryCount: 1 })).toBeUndefined();
    expect(delay(1)).toBe(0);
    expect(await decide({ error: httpError(429, '0'), retryCount: 1 })).toBeUndefined();
    expect(waits).toEqual([4000, 0]);
  });

  it("without it, ky's timer waits the Retry-After decided here, a date judged on the service clock", async () => {
    const service = Date.UTC(2030, 0, 1);
    const { waits, decide, delay } = recorded(service, false);
    expect(await decide({ error: httpError(503, new Date(service + 7_000).toUTCString()), retryCount: 1 })).toBeUndefined();
    expect(delay(1)).toBe(7_000);
    expect(waits).toEqual([]);
  });

  it("without an SDK clock at all, ky's timer waits the Retry-After", async () => {
    const options = clockedRetry(SAFE_RETRY, { nowMs: () => 0 });
    const decide = options.shouldRetry as (state: { error: Error; retryCount: number }) => Promise<boolean | undefined>;
    expect(await decide({ error: httpError(429, '2'), retryCount: 1 })).toBeUndefined();
    expect((options.delay as (n: number) => number)(1)).toBe(2_000);
  });

  it('gives up at once, with no wait, when the service asks for a wait longer than the cap', async () => {
    const { waits, decide } = recorded();
    expect(await decide({ error: httpError(503, String(MAX_RETRY_AFTER_MS / 1000 + 1)), retryCount: 1 })).toBe(false);
    expect(await decide({ error: httpError(503, String(MAX_RETRY_AFTER_MS / 1000)), retryCount: 1 })).toBeUndefined();
    expect(waits).toEqual([MAX_RETRY_AFTER_MS]);
  });

  it('Retry-After on a status other than 429 or 503, and network errors: the jittered backoff, doubling to the 2000 ms cap', async () => {
    const { waits, decide, delay } = recorded();
    expect(await decide({ error: httpError(500, '9'), retryCount: 1 })).toBeUndefined();
    expect(await decide({ error: new TypeError('fetch failed'), retryCount: 1 })).toBeUndefined();
    expect(waits).toEqual([]);
    const random = Math.random;
    Math.random = () => 0.999;
    try {
      expect([1, 2, 3, 4, 5].map((n) => Math.round(delay(n)))).toEqual([300, 599, 1199, 1998, 1998]);
    } finally {
      Math.random = random;
    }
  });
});
