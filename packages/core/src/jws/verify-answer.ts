import { type CompactVerifyResult, compactVerify } from 'jose';
import { InvalidSignedAnswerError } from '../errors/authlite-error.js';

/** Longest signed answer accepted, in characters; longer ones are rejected unread. */
export const MAX_SIGNED_ANSWER_LENGTH = 16_384;

/** One strict UTF-8 decoder for every answer (`decode` without `stream` keeps no state between calls). */
const UTF8 = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies a signed answer (a compact JWS, RFC 7515) with the client's HMAC key and returns
 * its JSON claims. HS256 is pinned (`alg: none`, RS256, ES256 and every other algorithm are
 * refused before any key is used); `crit` and `b64` headers are refused; `exp` and `nbf`
 * are checked when present, with `clockToleranceS` seconds of slack.
 *
 * @throws InvalidSignedAnswerError for any failure; no claim of a rejected answer escapes.
 */
export async function verifySignedAnswer(
  token: unknown,
  key: CryptoKey,
  clockToleranceS: number,
  nowS: number = Math.floor(Date.now() / 1000),
): Promise<Record<string, unknown>> {
  if (typeof token !== 'string') throw new InvalidSignedAnswerError('the answer is not a JSON string');
  if (token.length > MAX_SIGNED_ANSWER_LENGTH) throw new InvalidSignedAnswerError('the answer is too long');
  let verified: CompactVerifyResult;
  try {
    verified = await compactVerify(token, key, { algorithms: ['HS256'] });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InvalidSignedAnswerError(typeof code === 'string' ? code : 'not a valid compact JWS');
  }
  const header = verified.protectedHeader;
  if (header.crit !== undefined || header.b64 !== undefined) {
    throw new InvalidSignedAnswerError('unsupported JWS header parameter');
  }
  let claims: unknown;
  try {
    claims = JSON.parse(UTF8.decode(verified.payload));
  } catch {
    throw new InvalidSignedAnswerError('the payload is not JSON');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new InvalidSignedAnswerError('the payload is not a JSON object');
  }
  const { exp, nbf } = claims as { exp?: unknown; nbf?: unknown };
  if (exp !== undefined && (typeof exp !== 'number' || exp + clockToleranceS <= nowS)) {
    throw new InvalidSignedAnswerError('"exp" claim is invalid or in the past');
  }
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf - clockToleranceS > nowS)) {
    throw new InvalidSignedAnswerError('"nbf" claim is invalid or in the future');
  }
  return claims as Record<string, unknown>;
}
