import { compactVerify } from 'jose';
import { InvalidSignedAnswerError } from '../errors/authlite-error.ts';
import { checkClaimTimes } from './claim-times.ts';
import { decodeJsonBytes, splitCompactJws } from './compact-jws.ts';

/** Longest signed answer accepted, in characters; longer ones are rejected unread. */
export const MAX_SIGNED_ANSWER_LENGTH = 16_384;

/** The only protected header parameters a signed answer may carry (the service sends `{"alg":"HS256","typ":"JWT"}`). */
const ALLOWED_HEADER = new Set(['alg', 'typ']);

/** How a signed answer is judged besides its signature. */
export interface VerifyRules {
  /** Slack for `exp`, `nbf` and `iat`, seconds. */
  clockToleranceS: number;
  /** Refuse an answer without `exp` (true for the user answers of `auth/data` and `re-auth/token`). */
  requireExp: boolean;
  /** Now, seconds since the epoch. Default: the system clock. */
  nowS?: number;
}

/**
 * Verifies a signed answer (a compact JWS, RFC 7515) with the client's HMAC key and returns
 * its JSON claims. Checks, in order, each with its own {@link InvalidSignedAnswerError.reason}:
 * a string of at most 16384 characters; strict compact form (base64url, no padding or
 * whitespace, three segments); a header that is a JSON object with no repeated key, `alg`
 * exactly `HS256` (the pin), no parameter but `alg` and `typ: "JWT"` (so `crit`, `b64` and
 * look-alike names are refused); the HMAC signature; a payload that is a UTF-8 JSON object
 * with no repeated key; then `exp`, `nbf` and `iat` (finite numbers, `clockToleranceS` of slack).
 *
 * @throws InvalidSignedAnswerError for any failure; no claim of a rejected answer escapes.
 */
export async function verifySignedAnswer(token: unknown, key: CryptoKey, rules: VerifyRules): Promise<Record<string, unknown>> {
  if (typeof token !== 'string') throw new InvalidSignedAnswerError('not-a-string', 'the answer is not a JSON string');
  if (token.length > MAX_SIGNED_ANSWER_LENGTH)
    throw new InvalidSignedAnswerError('too-long', `the answer is longer than ${MAX_SIGNED_ANSWER_LENGTH} characters`);
  const parts = splitCompactJws(token);
  if (!parts) throw new InvalidSignedAnswerError('malformed', 'not three base64url segments (RFC 7515 compact form)');
  const { header } = parts;
  if (!header) throw new InvalidSignedAnswerError('header-invalid', 'the protected header is not a JSON object with distinct keys');
  if (header.alg !== 'HS256') throw new InvalidSignedAnswerError('algorithm', 'the algorithm is not HS256');
  const extra = Object.keys(header).some((name) => !ALLOWED_HEADER.has(name));
  if (extra || (header.typ !== undefined && header.typ !== 'JWT')) {
    throw new InvalidSignedAnswerError('unsupported-header', 'the protected header has a parameter other than alg and typ: "JWT"');
  }
  // HMAC SHA-256 over "<header>.<payload>" (RFC 7515 section 5.2), by jose with the algorithm pinned.
  let payload: Uint8Array;
  try {
    // Stryker disable next-line ObjectLiteral,ArrayDeclaration,StringLiteral: equivalent while the header check above refuses every alg but HS256; jose's own pin stays as a second lock.
    ({ payload } = await compactVerify(token, key, { algorithms: ['HS256'] }));
  } catch {
    throw new InvalidSignedAnswerError('signature', 'the signature does not match the secret key');
  }
  const claims = decodeJsonBytes(payload);
  if (!claims) throw new InvalidSignedAnswerError('payload-invalid', 'the payload is not a UTF-8 JSON object with distinct keys');
  const rejection = checkClaimTimes(claims, { ...rules, nowS: rules.nowS ?? Math.floor(Date.now() / 1000) });
  if (rejection)
    throw new InvalidSignedAnswerError(rejection, 'a time claim (exp, nbf or iat) is missing, not a finite number, or out of range');
  return claims;
}
