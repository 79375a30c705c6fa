import { verifySignedAnswer } from '../jws/verify-answer.js';
import type { Clock } from '../runtime/clock.js';
import type { ClientCredentials } from './client-credentials.js';

/** Verifies a signed answer and returns its claims; `requireExp`: refuse one without `exp` (the user answers). */
export type AnswerVerifier = (token: unknown, requireExp: boolean) => Promise<Record<string, unknown>>;

/**
 * The verifier of a client's signed answers: HS256 with its HMAC key, `exp`/`nbf`/`iat` checked
 * against `clock` with `clockToleranceS` seconds of slack. See `verifySignedAnswer`.
 */
export function createAnswerVerifier(credentials: ClientCredentials, clockToleranceS: number, clock: Clock): AnswerVerifier {
  return async (token, requireExp) =>
    verifySignedAnswer(token, await credentials.hmacKey(), { clockToleranceS, requireExp, nowS: Math.floor(clock.nowMs() / 1000) });
}
