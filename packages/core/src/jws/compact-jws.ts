import { base64url } from 'jose';
import { parseStrictJsonObject } from './strict-json.ts';

/**
 * RFC 7515 compact serialisation, strictly: three non-empty segments of the base64url
 * alphabet (RFC 4648 section 5) with no padding, no whitespace and nothing after the
 * signature. The standard alphabet (`+`, `/`), `=` padding, a trailing newline and a fourth
 * segment all fail this shape, where a lenient decoder would accept them.
 */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Whether `token` is strictly in compact form (see `COMPACT_JWS`). */
export function isStrictCompactJws(token: string): boolean {
  return COMPACT_JWS.test(token);
}

/** The protected header segment (before the first `.`) of a token that passed {@link isStrictCompactJws}, still encoded. */
export function headerSegment(token: string): string {
  return token.slice(0, token.indexOf('.'));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A base64url segment decoded as strict UTF-8 JSON object text; `undefined` when it is not one. */
export function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  // Stryker disable BlockStatement: equivalent, an empty catch returns undefined too.
  try {
    return decodeJsonBytes(base64url.decode(segment));
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
}

/** Bytes decoded as strict UTF-8 JSON object text; `undefined` when they are not one. */
export function decodeJsonBytes(bytes: Uint8Array): Record<string, unknown> | undefined {
  // Stryker disable BlockStatement: equivalent, an empty catch returns undefined too.
  try {
    return parseStrictJsonObject(UTF8.decode(bytes));
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
}
