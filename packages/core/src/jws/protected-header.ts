import type { SignedAnswerRejection } from '../errors/authlite-error.ts';
import { decodeJsonSegment } from './compact-jws.ts';

/** The only protected header parameters a signed answer may carry (the service sends `{"alg":"HS256","typ":"JWT"}`). */
const ALLOWED_PARAMETERS = new Set(['alg', 'typ']);

/**
 * Exact base64url spellings of protected headers that pass {@link checkHeaderFully}: a
 * segment equal to one of them is known-good without being decoded (an exact string compare
 * is stricter than the checks). Any other spelling, even one character off, gets the full checks.
 */
export const KNOWN_GOOD_HEADER_SEGMENTS: ReadonlySet<string> = new Set([
  // {"alg":"HS256","typ":"JWT"}: the service (trustauthx-api.md), the emulator, jose, jsonwebtoken, PyJWT 2, python-jose.
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  // {"typ":"JWT","alg":"HS256"}: PyJWT 1.
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9',
  // {"alg":"HS256"}
  'eyJhbGciOiJIUzI1NiJ9',
]);

/** Why a protected header is refused; see {@link checkHeaderFully}. */
export type HeaderRejection = Extract<SignedAnswerRejection, 'header-invalid' | 'algorithm' | 'unsupported-header'>;

/**
 * Judges the protected header segment of a compact JWS (RFC 7515 section 4): a known-good
 * spelling passes at once, any other gets {@link checkHeaderFully}.
 * @returns the rejection, or `undefined` when the header is acceptable.
 */
export function checkProtectedHeader(segment: string): HeaderRejection | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent for `false`, every known-good segment passes the full checks too (a test asserts it); the set only saves decoding.
  return KNOWN_GOOD_HEADER_SEGMENTS.has(segment) ? undefined : checkHeaderFully(segment);
}

/**
 * The full checks of a protected header segment: base64url of a UTF-8 JSON object with no
 * repeated key (`header-invalid`), `alg` exactly `HS256` (`algorithm`), and no parameter but
 * `alg` and `typ: "JWT"` (`unsupported-header`: `crit`, `b64`, `kid` and look-alike names are refused).
 * @returns the rejection, or `undefined` when the header is acceptable.
 */
export function checkHeaderFully(segment: string): HeaderRejection | undefined {
  const header = decodeJsonSegment(segment);
  if (!header) return 'header-invalid';
  if (header.alg !== 'HS256') return 'algorithm';
  const extra = Object.keys(header).some((name) => !ALLOWED_PARAMETERS.has(name));
  if (extra || (header.typ !== undefined && header.typ !== 'JWT')) return 'unsupported-header';
  return undefined;
}
