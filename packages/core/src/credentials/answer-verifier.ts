import { verifySignedAnswer } from '../jws/verify-answer.ts';
import type { ServiceClock } from '../runtime/service-clock.ts';
import type { ClientCredentials } from './client-credentials.ts';

/** Verifies a signed answer and returns its claims; `requireExp`: refuse one without `exp` (the user answers). */
export type AnswerVerifier = (token: unknown, requireExp: boolean) => Promise<Record<string, unknown>>;

/**
 * The verifier of a client's signed answers: HS256 with its HMAC key, `exp`/`nbf`/`iat` checked
 * against the service's clock with `clockToleranceS` seconds of slack. See `verifySignedAnswer`.
 * The `iat` of each verified answer then tunes that clock.
 */
export function createAnswerVerifier(credentials: ClientCredentials, clockToleranceS: number, clock: ServiceClock): AnswerVerifier {
  // The imported key, once it is there: later calls do not wait on its promise again.
  let key: CryptoKey | undefined;
  return async (token, requireExp) => {
    key ??= await credentials.hmacKey();
    const claims = await verifySignedAnswer(token, key, {
      clockToleranceS,
      requireExp,
      nowS: Math.floor(clock.nowMs() / 1000),
    });
    clock.observeIssuedAt(claims['iat']);
    return claims;
  };
}
