import { CompactSign } from 'jose';

/**
 * Computes the `signed_key` query parameter: a compact JWS, HS256, header
 * `{"alg":"HS256","typ":"JWT"}`, payload `{"api_key":"<apiKey>"}`, keyed with the secret key.
 * Deterministic, so a client computes it once. Source: trustauthx-api.md, "Credentials and
 * the signed key" (RFC 7515 compact serialisation).
 */
export function computeSignedKey(apiKey: string, key: CryptoKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify({ api_key: apiKey })))
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(key);
}
