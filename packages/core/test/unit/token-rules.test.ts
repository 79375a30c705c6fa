import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError, RefreshOutcomeUnknownError, TimeoutError, ValidationError } from '../../src/errors/authlite-error.js';
import { meansInvalidToken } from '../../src/tokens/invalid-token-status.js';
import { classifyRefreshFailure } from '../../src/tokens/refresh-outcome.js';

const http = (status: number) => new HttpError('GET', '/x', status, undefined);

describe('meansInvalidToken', () => {
  it('is true for a 4xx other than 408 and 429', () => {
    for (const status of [400, 401, 403, 404, 410, 422, 499]) expect(meansInvalidToken(http(status))).toBe(true);
  });

  it('is false for 408, 429, 5xx and every non-HTTP failure', () => {
    for (const status of [408, 429, 500, 503, 302]) expect(meansInvalidToken(http(status))).toBe(false);
    expect(meansInvalidToken(new TimeoutError('GET', '/x', 10))).toBe(false);
    expect(meansInvalidToken(new NetworkError('GET', '/x', 'reset'))).toBe(false);
    expect(meansInvalidToken({ status: 401 })).toBe(false);
  });
});

describe('classifyRefreshFailure', () => {
  it('a timeout or a connection lost after sending is an unknown outcome', () => {
    const timeout = new TimeoutError('GET', '/x', 10);
    const lost = new NetworkError('GET', '/x', 'socket hang up', new Error('ECONNRESET'));
    for (const error of [timeout, lost]) {
      const classified = classifyRefreshFailure(error);
      expect(classified).toBeInstanceOf(RefreshOutcomeUnknownError);
      expect((classified as Error).cause).toBe(error);
    }
  });

  it('a failure before sending and every other error pass unchanged', () => {
    // "Never sent" is the transport's structured verdict (NetworkError.neverSent), not message text.
    const refused = new NetworkError(
      'GET',
      '/x',
      'fetch failed',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      true,
    );
    const dns = new NetworkError(
      'GET',
      '/x',
      'fetch failed',
      Object.assign(new Error('getaddrinfo ENOTFOUND api.example'), { code: 'ENOTFOUND' }),
      true,
    );
    const sameTextUnknown = new NetworkError('GET', '/x', 'fetch failed', new Error('connect ECONNREFUSED 127.0.0.1:1'));
    expect(classifyRefreshFailure(sameTextUnknown)).toBeInstanceOf(RefreshOutcomeUnknownError);
    const refusedToken = http(401);
    const invalid = new ValidationError('x', 'y');
    for (const error of [refused, dns, refusedToken, invalid]) expect(classifyRefreshFailure(error)).toBe(error);
  });
});
