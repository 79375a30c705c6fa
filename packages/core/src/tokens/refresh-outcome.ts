import { NetworkError, RefreshOutcomeUnknownError, TimeoutError } from '../errors/authlite-error.ts';

/**
 * The error a failed refresh should surface. A refresh that was sent but got no answer
 * (timeout, connection lost after sending) may have rotated the pair already: that is a
 * {@link RefreshOutcomeUnknownError}. A network error the runtime says came before the request
 * left (`NetworkError.neverSent`: connection refused, DNS, TLS handshake) and every other
 * error are returned unchanged.
 */
export function classifyRefreshFailure(error: unknown): unknown {
  if (error instanceof TimeoutError || (error instanceof NetworkError && !error.neverSent)) {
    return new RefreshOutcomeUnknownError(error);
  }
  return error;
}
