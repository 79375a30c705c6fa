import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/transport/retry-policy.js';

describe('retryAfterMs with a Date header', () => {
  it("judges a Retry-After date against the answer's own Date header, not the host clock", () => {
    const headers = new Headers({ 'retry-after': 'Thu, 01 Jan 1970 00:00:05 GMT', date: 'Thu, 01 Jan 1970 00:00:00 GMT' });
    expect(retryAfterMs(headers, { nowMs: () => 3_600_000 })).toBe(5_000);
  });
});
