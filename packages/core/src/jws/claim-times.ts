import type { SignedAnswerRejection } from '../errors/authlite-error.ts';

/** How the time claims of a signed answer are judged. All values are seconds. */
export interface TimeRules {
  /** Slack for `exp`, `nbf` and `iat`, seconds. */
  clockToleranceS: number;
  /** Whether an answer without `exp` is refused (user answers carry one; `me/data` does not). */
  requireExp: boolean;
}

/**
 * Checks `exp`, `nbf` and `iat` (RFC 7519 section 4.1): each, when present, must be a finite
 * number (`1e309` parses to Infinity and is refused); `exp` must be later than now, `nbf` and
 * `iat` no later than `nowS` (seconds since the epoch), each with `clockToleranceS` of slack.
 * @returns the rejection, or `undefined` when the times are acceptable.
 */
export function checkClaimTimes(claims: Record<string, unknown>, rules: TimeRules, nowS: number): SignedAnswerRejection | undefined {
  const { exp, nbf, iat } = claims;
  const { clockToleranceS } = rules;
  if (exp === undefined) {
    if (rules.requireExp) return 'exp-missing';
  } else if (!isFiniteNumber(exp)) {
    return 'exp-invalid';
  } else if (exp + clockToleranceS <= nowS) {
    return 'expired';
  }
  if (nbf !== undefined) {
    if (!isFiniteNumber(nbf)) return 'nbf-invalid';
    if (nbf - clockToleranceS > nowS) return 'not-yet-valid';
  }
  if (iat !== undefined) {
    if (!isFiniteNumber(iat)) return 'iat-invalid';
    if (iat - clockToleranceS > nowS) return 'issued-in-future';
  }
  return undefined;
}

function isFiniteNumber(value: unknown): value is number {
  return Number.isFinite(value);
}
