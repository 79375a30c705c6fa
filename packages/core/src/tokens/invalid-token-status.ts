import { HttpError } from '../errors/authlite-error.ts';

/**
 * The one rule for "the service says this token is not valid" rather than "the call failed":
 * an HTTP answer with a 4xx status other than 408 (timeout) and 429 (rate limit). Timeouts,
 * network failures, 408, 429 and 5xx say nothing about the token.
 */
export function meansInvalidToken(error: unknown): error is HttpError {
  return error instanceof HttpError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}
