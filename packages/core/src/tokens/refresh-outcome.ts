import { NetworkError, RefreshOutcomeUnknownError, TimeoutError } from '../errors/authlite-error.js';

/**
 * The error a failed refresh should surface. A refresh that was sent but got no answer
 * (timeout, connection lost after sending) may have rotated the pair already: that is a
 * {@link RefreshOutcomeUnknownError}. A network error raised before the request left
 * (connection refused, DNS, bad URL) and every other error are returned unchanged.
 */
export function classifyRefreshFailure(error: unknown): unknown {
  if (error instanceof TimeoutError || (error instanceof NetworkError && !neverSent(error))) {
    return new RefreshOutcomeUnknownError(error);
  }
  return error;
}

/** A network error raised before the request left: the service cannot have acted on it. */
function neverSent(error: NetworkError): boolean {
  let text = error.message;
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause) text += ` ${cause.message}`;
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ERR_INVALID_URL|bad port/.test(text);
}
