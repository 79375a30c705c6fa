import { base64url } from 'jose';
import { parseStrictJsonObject } from './strict-json.ts';

/**
 * RFC 7515 compact serialisation, strictly: three non-empty segments of the base64url
 * alphabet (RFC 4648 section 5) with no padding, no whitespace and nothing after the
 * signature. The standard alphabet (`+`, `/`), `=` padding, a trailing newline and a fourth
 * segment all fail this shape, where a lenient decoder would accept them.
 */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The parts of a compact JWS that passed the shape check. */
export interface CompactJwsParts {
  /** The decoded protected header; `undefined` when it is not a JSON object or repeats a key. */
  header: Record<string, unknown> | undefined;
  /** The base64url payload segment, still encoded. */
  payload: string;
  /** The base64url signature segment, still encoded. */
  signature: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Splits `token` into its header and payload, or returns `undefined` when it is not strictly compact. */
export function splitCompactJws(token: string): CompactJwsParts | undefined {
  if (!COMPACT_JWS.test(token)) return undefined;
  const [header, payload, signature] = token.split('.') as [string, string, string];
  return { header: decodeJsonSegment(header), payload, signature };
}

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
