/**
 * Stable machine-readable codes of every error the SDK throws. Match on `error.code`,
 * never on the message: messages may be reworded, codes never change.
 */
export type AuthLiteErrorCode =
  | 'ERR_CONFIGURATION'
  | 'ERR_INVALID_INPUT'
  | 'ERR_HTTP'
  | 'ERR_INVALID_SIGNED_ANSWER'
  | 'ERR_UNEXPECTED_ANSWER'
  | 'ERR_TIMEOUT'
  | 'ERR_NETWORK'
  | 'ERR_REDIRECT'
  | 'ERR_ANSWER_TOO_LARGE'
  | 'ERR_TOKEN_SET_INVALID'
  | 'ERR_REFRESH_OUTCOME_UNKNOWN';

/** The registry symbol that marks every AuthLite error (`Symbol.for('authlite.error')`). */
export const AUTHLITE_ERROR_BRAND: unique symbol = Symbol.for('authlite.error') as never;

/**
 * Base class of every error thrown by `@authlite/core`.
 *
 * Guarantees: the message, `cause` chain and every own enumerable property are free of the
 * API key, the secret key, the signed key and user tokens (they are redacted before the error
 * is built). `cause`, when present, is a sanitised copy, never the raw HTTP error.
 */
export class AuthLiteError extends Error {
  /** Stable code; see {@link AuthLiteErrorCode}. */
  declare readonly code: AuthLiteErrorCode;

  static {
    // The brand `isAuthLiteError` looks for: on the prototype, not enumerable, and keyed by a
    // registry symbol, so it holds across realms and across two copies of this package.
    Object.defineProperty(AuthLiteError.prototype, AUTHLITE_ERROR_BRAND, { value: true });
  }

  constructor(code: AuthLiteErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    // A string literal, not `new.target.name`: bundlers rename classes (`TimeoutError2`, `xe`).
    this.name = 'AuthLiteError';
  }
}

/**
 * The client was constructed or used with options that cannot work, for example
 * `generateUrl()` without an `orgId`, or a non-HTTPS `baseUrl` on a non-loopback host.
 * Thrown synchronously, before any request. Code `ERR_CONFIGURATION`.
 */
export class ConfigurationError extends AuthLiteError {
  declare readonly code: 'ERR_CONFIGURATION';
  /** The option at fault, for example `"orgId"`. */
  declare readonly option: string;
  constructor(option: string, message: string) {
    super('ERR_CONFIGURATION', message);
    this.name = 'ConfigurationError';
    this.option = option;
  }
}

/**
 * An argument failed validation. Thrown before any request is sent. The message names the
 * field and what was expected; it never repeats the value. Code `ERR_INVALID_INPUT`.
 * This is also the TypeScript form of the Python client's `ParseError` (sign-off asked
 * without both tokens).
 */
export class ValidationError extends AuthLiteError {
  declare readonly code: 'ERR_INVALID_INPUT';
  /** The argument at fault, for example `"accessToken"` or `"permissions[1]"`. */
  declare readonly field: string;
  constructor(field: string, expected: string) {
    super('ERR_INVALID_INPUT', `Invalid argument "${field}": expected ${expected}`);
    this.name = 'ValidationError';
    this.field = field;
  }
}

/**
 * TrustAuthX answered with a non-2xx status. Code `ERR_HTTP`.
 * `status` is the HTTP status; `detail` is the server's `detail` field when it sent one
 * (with any credential or token redacted). The message names the method and the path,
 * never the query string, where the API carries its credentials.
 */
export class HttpError extends AuthLiteError {
  declare readonly code: 'ERR_HTTP';
  declare readonly status: number;
  declare readonly detail: string | undefined;
  declare readonly method: string;
  declare readonly path: string;
  constructor(method: string, path: string, status: number, detail: string | undefined) {
    super('ERR_HTTP', `TrustAuthX answered ${status} to ${method} ${path}${detail ? `: ${detail}` : ''}`);
    this.name = 'HttpError';
    this.status = status;
    this.detail = detail;
    this.method = method;
    this.path = path;
  }
}

/**
 * Why a signed answer was rejected: one stable value per check, so a caller (and a test) can
 * tell one guard from another. Match on it, never on the message.
 *
 * - `not-a-string`: the answer body is not a JSON string.
 * - `too-long`: longer than 16384 characters; rejected unread.
 * - `malformed`: not three base64url segments (RFC 7515 compact form, RFC 4648 section 5
 *   alphabet, no padding, no whitespace, no fourth segment).
 * - `header-invalid`: the protected header is not a JSON object, or repeats a key.
 * - `algorithm`: `alg` is not exactly `HS256` (the pin: `none`, HS512, RS256, ES256 ...).
 * - `unsupported-header`: a header parameter other than `alg`, `typ` and `kid` (`crit`, `b64`,
 *   look-alike names), or `typ` other than `JWT`.
 * - `signature`: the HMAC SHA-256 signature does not match the client's secret key.
 * - `payload-invalid`: the payload is not UTF-8 JSON, not an object, or repeats a key.
 * - `exp-missing`, `exp-invalid` (not a finite number), `expired` (past, beyond `clockTolerance`).
 * - `nbf-invalid`, `not-yet-valid` (`nbf` in the future beyond `clockTolerance`).
 * - `iat-invalid`, `issued-in-future` (`iat` in the future beyond `clockTolerance`).
 * - `claims-shape`: the verified claims are not the documented user shape.
 */
export type SignedAnswerRejection =
  | 'not-a-string'
  | 'too-long'
  | 'malformed'
  | 'header-invalid'
  | 'algorithm'
  | 'unsupported-header'
  | 'signature'
  | 'payload-invalid'
  | 'exp-missing'
  | 'exp-invalid'
  | 'expired'
  | 'nbf-invalid'
  | 'not-yet-valid'
  | 'iat-invalid'
  | 'issued-in-future'
  | 'claims-shape';

/**
 * A signed answer (a compact JWS from `auth/data`, `re-auth/token` or `me/data`) failed
 * verification. No claim of such an answer is ever returned. Code `ERR_INVALID_SIGNED_ANSWER`;
 * `reason` says which check refused it (see {@link SignedAnswerRejection}), as jose's errors
 * carry `claim` and `reason`.
 */
export class InvalidSignedAnswerError extends AuthLiteError {
  declare readonly code: 'ERR_INVALID_SIGNED_ANSWER';
  /** The check that refused the answer; stable. */
  declare readonly reason: SignedAnswerRejection;
  constructor(reason: SignedAnswerRejection, explanation: string) {
    super('ERR_INVALID_SIGNED_ANSWER', `The signed answer was rejected (${reason}): ${explanation}`);
    this.name = 'InvalidSignedAnswerError';
    this.reason = reason;
  }
}

/**
 * TrustAuthX answered 2xx with a body that is not the documented shape (not JSON, or JSON
 * of another shape). Code `ERR_UNEXPECTED_ANSWER`.
 */
export class UnexpectedAnswerError extends AuthLiteError {
  declare readonly code: 'ERR_UNEXPECTED_ANSWER';
  declare readonly path: string;
  constructor(path: string, reason: string) {
    super('ERR_UNEXPECTED_ANSWER', `Unexpected answer from ${path}: ${reason}`);
    this.name = 'UnexpectedAnswerError';
    this.path = path;
  }
}

/**
 * A request took longer than the client's `timeout` (milliseconds). Code `ERR_TIMEOUT`.
 */
export class TimeoutError extends AuthLiteError {
  declare readonly code: 'ERR_TIMEOUT';
  declare readonly timeoutMs: number;
  constructor(method: string, path: string, timeoutMs: number) {
    super('ERR_TIMEOUT', `${method} ${path} timed out after ${timeoutMs} ms`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The request could not be sent or its answer could not be read (DNS, refused connection,
 * TLS handshake, reset, body cut short). Code `ERR_NETWORK`.
 *
 * `neverSent` is `true` only when the runtime's structured error says the failure came before
 * any byte of the request left (connection refused, DNS failure, TLS handshake failure: Node
 * and the Edge Runtime `cause.code`, Bun `code`, Deno its `Connect` error kind). It is `false`
 * when the runtime cannot tell: browsers and workerd hide the cause, so there a failure always
 * counts as "maybe sent".
 */
export class NetworkError extends AuthLiteError {
  declare readonly code: 'ERR_NETWORK';
  /** True when the service cannot have received the request; see the class notes. */
  declare readonly neverSent: boolean;
  constructor(method: string, path: string, reason: string, cause?: unknown, neverSent = false) {
    super('ERR_NETWORK', `${method} ${path} failed: ${reason}`, cause === undefined ? undefined : { cause });
    this.name = 'NetworkError';
    this.neverSent = neverSent;
  }
}

/**
 * TrustAuthX (or something between) answered with a redirect (3xx). Redirects are never
 * followed: the request carries the organisation's credentials and user tokens in its query,
 * and a write its body, which must not reach another host. Code `ERR_REDIRECT`.
 *
 * `status` is the 3xx status, or `undefined` in a browser, which hides it (an `opaqueredirect`
 * answer). `targetOrigin` is the origin (scheme, host, port) of the `Location` header, never
 * its path or query; `undefined` when absent, unreadable or hidden by the browser.
 */
export class RedirectError extends AuthLiteError {
  declare readonly code: 'ERR_REDIRECT';
  declare readonly status: number | undefined;
  declare readonly targetOrigin: string | undefined;
  declare readonly method: string;
  declare readonly path: string;
  constructor(method: string, path: string, status: number | undefined, targetOrigin: string | undefined) {
    super(
      'ERR_REDIRECT',
      `${method} ${path} answered a redirect (${status ?? 'status hidden'}) to ${targetOrigin ?? 'an unknown origin'}, not followed`,
    );
    this.name = 'RedirectError';
    this.status = status;
    this.targetOrigin = targetOrigin;
    this.method = method;
    this.path = path;
  }
}

/**
 * An answer body was larger than the cap of its endpoint (bytes; see `ANSWER_CAPS` in the
 * README, the role-list cap is the client option `maxRoleListBytes`). Reading stopped at the
 * cap; nothing of the answer is used. Code `ERR_ANSWER_TOO_LARGE`.
 */
export class AnswerTooLargeError extends AuthLiteError {
  declare readonly code: 'ERR_ANSWER_TOO_LARGE';
  declare readonly path: string;
  /** The cap that was exceeded, bytes. */
  declare readonly limitBytes: number;
  constructor(path: string, limitBytes: number) {
    super('ERR_ANSWER_TOO_LARGE', `The answer of ${path} is larger than ${limitBytes} bytes`);
    this.name = 'AnswerTooLargeError';
    this.path = path;
    this.limitBytes = limitBytes;
  }
}

/**
 * `validateTokenSet` found the access token invalid and the refresh token refused: the user
 * must log in again. Code `ERR_TOKEN_SET_INVALID`. (The Python client raises `HTTPError`
 * for this and, wrongly, for every network failure too; here a network failure is a
 * {@link NetworkError} or {@link TimeoutError} instead.)
 */
export class TokenSetInvalidError extends AuthLiteError {
  declare readonly code: 'ERR_TOKEN_SET_INVALID';
  constructor(cause: HttpError) {
    super('ERR_TOKEN_SET_INVALID', 'Both tokens are invalid: the user must log in again', { cause });
    this.name = 'TokenSetInvalidError';
  }
}

/**
 * A refresh request (`GET /api/user/me/access/token/`) was sent but its answer never came
 * (timeout, connection lost): the service may already have rotated the pair, so the refresh
 * token may be used up. The SDK does not re-send it. Code `ERR_REFRESH_OUTCOME_UNKNOWN`;
 * `cause` is the {@link TimeoutError} or {@link NetworkError}. What to do: treat the session
 * as ended (log in again), or retry once knowing a rotated token will be refused.
 */
export class RefreshOutcomeUnknownError extends AuthLiteError {
  declare readonly code: 'ERR_REFRESH_OUTCOME_UNKNOWN';
  constructor(cause: AuthLiteError) {
    super('ERR_REFRESH_OUTCOME_UNKNOWN', 'The refresh got no answer: the refresh token may be rotated already', { cause });
    this.name = 'RefreshOutcomeUnknownError';
  }
}
