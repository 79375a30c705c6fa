import { base64url } from 'jose';

/** The protected header of the signed key, base64url: `{"alg":"HS256","typ":"JWT"}`. */
const HEADER = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Computes the `signed_key` query parameter: a compact JWS, HS256, header
 * `{"alg":"HS256","typ":"JWT"}`, payload `{"api_key":"<apiKey>"}`, keyed with the secret key
 * (WebCrypto HMAC SHA-256). Deterministic, so a client computes it once. Source:
 * trustauthx-api.md, "Credentials and the signed key" (RFC 7515 compact serialisation).
 */
export async function computeSignedKey(apiKey: string, key: CryptoKey): Promise<string> {
  const input = `${HEADER}.${base64url.encode(JSON.stringify({ api_key: apiKey }))}`;
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input));
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}
