import { HTTPError } from 'ky';
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, NO_RETRY, retryAfterMs, SAFE_RETRY } from '../../src/transport/retry-policy.js';

const headers = (retryAfter?: string) => new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter });

function httpError(status: number, retryAfter?: string): HTTPError {
  const request = new Request('http://127.0.0.1/x');
  return new HTTPError(new Response(null, { status, headers: headers(retryAfter) }), request, {} as never);
}

describe('retryAfterMs', () => {
  it('reads seconds', () => {
    expect(retryAfterMs(headers('3'))).toBe(3000);
    expect(retryAfterMs(headers('0'))).toBe(0);
  });

  it('reads an HTTP date relative to now', () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    expect(retryAfterMs(headers(inAnHour))).toBeGreaterThan(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs(headers('Thu, 01 Jan 1970 00:00:00 GMT'))).toBeLessThan(0);
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
  });

  it('gives up at once when the service asks for a wait longer than the cap', () => {
    const shouldRetry = SAFE_RETRY.shouldRetry as (state: { error: Error; retryCount: number }) => boolean | undefined;
    expect(shouldRetry({ error: httpError(503, String(MAX_RETRY_AFTER_MS / 1000 + 1)), retryCount: 0 })).toBe(false);
    expect(shouldRetry({ error: httpError(503, String(MAX_RETRY_AFTER_MS / 1000)), retryCount: 0 })).toBeUndefined();
    expect(shouldRetry({ error: httpError(503), retryCount: 0 })).toBeUndefined();
    expect(shouldRetry({ error: new TypeError('fetch failed'), retryCount: 0 })).toBeUndefined();
  });
});
