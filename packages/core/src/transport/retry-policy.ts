import type { RetryOptions } from 'ky';

/**
 * Retry policy for requests that are safe to repeat (idempotent reads: token validation,
 * user data, the role list): at most 2 retries on a network error or on 408, 429, 500, 502,
 * 503, 504, with exponential backoff capped at 2000 ms, full jitter, and `Retry-After`
 * honoured (seconds or HTTP date) up to 10000 ms.
 */
export const SAFE_RETRY: RetryOptions = {
  limit: 2,
  methods: ['get'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [413, 429, 503],
  maxRetryAfter: 10_000,
  backoffLimit: 2_000,
  jitter: true,
};

/**
 * No retry: writes (role and permission changes, assignments, revocation) and reads that
 * consume something (a login code, a re-auth code, a refresh token under rotation) are sent
 * exactly once; repeating them could act twice or re-send a used token.
 */
export const NO_RETRY: RetryOptions = { limit: 0 };
