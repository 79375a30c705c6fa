import { CompactSign } from 'jose';

/** The protected header of the signed key: `{"alg":"HS256","typ":"JWT"}`. */
const HEADER = { alg: 'HS256', typ: 'JWT' } as const;

/**
 * Computes the `signed_key` query parameter: a compact JWS (RFC 7515), HS256, header
 * `{"alg":"HS256","typ":"JWT"}`, payload `{"api_key":"<apiKey>"}`, keyed with the secret key,
 * signed by jose. Deterministic, so a client computes it once. Source: trustauthx-api.md,
 * "Credentials and the signed key".
 */
export async function computeSignedKey(apiKey: string, key: CryptoKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify({ api_key: apiKey }))).setProtectedHeader(HEADER).sign(key);
}
