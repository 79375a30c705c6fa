import { compactVerify } from 'jose';
import { InvalidSignedAnswerError } from '../errors/authlite-error.ts';
import { checkClaimTimes, type TimeRules } from './claim-times.ts';
import { decodeJsonBytes, headerSegment, isStrictCompactJws } from './compact-jws.ts';
import { checkProtectedHeader, type HeaderRejection } from './protected-header.ts';

/** Longest signed answer accepted, in characters; longer ones are rejected unread. */
export const MAX_SIGNED_ANSWER_LENGTH = 16_384;

/** How a signed answer is judged besides its signature. */
export interface VerifyRules extends TimeRules {
  /** Now, seconds since the epoch. Default: the system clock. */
  nowS?: number;
}

const HEADER_EXPLANATIONS: Record<HeaderRejection, string> = {
  'header-invalid': 'the protected header is not a JSON object with distinct keys',
  algorithm: 'the algorithm is not HS256',
  'unsupported-header': 'the protected header has a parameter other than alg and typ: "JWT"',
};

/** jose's options: the algorithm pinned to HS256 (one frozen object, not one per call). */
const PINNED_HS256 = Object.freeze({ algorithms: ['HS256'] });

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
  if (!isStrictCompactJws(token)) throw new InvalidSignedAnswerError('malformed', 'not three base64url segments (RFC 7515 compact form)');
  const headerRejection = checkProtectedHeader(headerSegment(token));
  if (headerRejection) throw new InvalidSignedAnswerError(headerRejection, HEADER_EXPLANATIONS[headerRejection]);
  // HMAC SHA-256 over "<header>.<payload>" (RFC 7515 section 5.2), by jose with the algorithm pinned.
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(token, key, PINNED_HS256));
  } catch {
    throw new InvalidSignedAnswerError('signature', 'the signature does not match the secret key');
  }
  const claims = decodeJsonBytes(payload);
  if (!claims) throw new InvalidSignedAnswerError('payload-invalid', 'the payload is not a UTF-8 JSON object with distinct keys');
  const rejection = checkClaimTimes(claims, rules, rules.nowS ?? Math.floor(Date.now() / 1000));
  if (rejection)
    throw new InvalidSignedAnswerError(rejection, 'a time claim (exp, nbf or iat) is missing, not a finite number, or out of range');
  return claims;
}
