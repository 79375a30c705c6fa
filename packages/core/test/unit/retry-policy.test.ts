import { HTTPError, TimeoutError } from 'ky';
import { describe, expect, it } from 'vitest';
import { clockedRetry, MAX_RETRY_AFTER_MS, NO_RETRY, retryAfterMs, SAFE_RETRY } from '../../src/transport/retry-policy.js';

const headers = (retryAfter?: string, date?: string) =>
  new Headers({ ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }), ...(date === undefined ? {} : { date }) });

function httpError(status: number, retryAfter?: string): HTTPError {
  const request = new Request('http://127.0.0.1/x');
  return new HTTPError(new Response(null, { status, headers: headers(retryAfter) }), request, {} as never);
}

/** The ky options of SAFE_RETRY with a recording wait; `decide` is their shouldRetry. */
function recorded(nowMs = 0) {
  const waits: number[] = [];
  const options = clockedRetry(SAFE_RETRY, { nowMs: () => nowMs }, async (ms) => void waits.push(ms));
  const decide = options.shouldRetry as (state: { error: Error; retryCount: number }) => Promise<boolean | undefined>;
  return { waits, options, decide };
}

describe('retryAfterMs', () => {
  it('reads seconds', () => {
    expect(retryAfterMs(headers('3'))).toBe(3000);
    expect(retryAfterMs(headers('0'))).toBe(0);
  });

  it("reads an HTTP date against the answer's Date header, else against the service clock given", () => {
    const service = Date.UTC(2030, 0, 1, 12, 0, 0);
    const inThree = new Date(service + 3_000).toUTCString();
    expect(retryAfterMs(headers(inThree, new Date(service).toUTCString()), { nowMs: () => 0 })).toBe(3_000);
    expect(retryAfterMs(headers(inThree), { nowMs: () => service })).toBe(3_000);
    expect(retryAfterMs(headers(inThree), { nowMs: () => service + 60_000 })).toBe(-57_000);
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(headers())).toBeUndefined();
    expect(retryAfterMs(headers('soon'))).toBeUndefined();
  });
});

describe('retry policies', () => {
  it('retries only safe reads, on the transient statuses', () => {
    expect(SAFE_RETRY.limit).toBe(2);
    expect(SAFE_RETRY.methods).toEqual(['get']);
    expect(SAFE_RETRY.statusCodes).toEqual([408, 429, 500, 502, 503, 504]);
    expect(NO_RETRY.limit).toBe(0);
    expect(clockedRetry(NO_RETRY, { nowMs: () => 0 }, async () => undefined)).toBe(NO_RETRY);
  });

  it('ky never waits itself: every wait is taken by the clock before ky is told to retry', async () => {
    const { waits, options, decide } = recorded();
    expect(options.delay?.(1)).toBe(0);
    expect(options.jitter).toBe(false);
    expect(await decide({ error: httpError(503, '4'), retryCount: 1 })).toBe(true);
    expect(await decide({ error: httpError(429, '0'), retryCount: 1 })).toBe(true);
    expect(waits).toEqual([4000, 0]);
  });

  it('gives up at once, with no wait, when the service asks for a wait longer than the cap', async () => {
    const { waits, decide } = recorded();
    expect(await decide({ error: httpError(503, String(MAX_RETRY_AFTER_MS / 1000 + 1)), retryCount: 1 })).toBe(false);
    expect(await decide({ error: httpError(503, String(MAX_RETRY_AFTER_MS / 1000)), retryCount: 1 })).toBe(true);
    expect(waits).toEqual([MAX_RETRY_AFTER_MS]);
  });

  it('a date in the past is no wait; Retry-After on a status that is not 429 or 503 is ignored (backoff)', async () => {
    const { waits, decide } = recorded(Date.UTC(2030, 0, 1));
    expect(await decide({ error: httpError(503, 'Thu, 01 Jan 1970 00:00:00 GMT'), retryCount: 1 })).toBe(true);
    expect(await decide({ error: httpError(500, '9'), retryCount: 1 })).toBe(true);
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeLessThan(300);
  });

  it('no retry for a status outside the list or a timeout; backoff for a network error, doubling to the 2000 ms cap', async () => {
    const { waits, decide } = recorded();
    expect(await decide({ error: httpError(404), retryCount: 1 })).toBe(false);
    expect(await decide({ error: new TimeoutError(new Request('http://127.0.0.1/x')), retryCount: 1 })).toBe(false);
    expect(waits).toEqual([]);
    const random = Math.random;
    Math.random = () => 0.999;
    try {
      for (const retryCount of [1, 2, 3, 4, 5]) expect(await decide({ error: new TypeError('fetch failed'), retryCount })).toBe(true);
    } finally {
      Math.random = random;
    }
    expect(waits.map(Math.round)).toEqual([300, 599, 1199, 1998, 1998]);
  });
});
