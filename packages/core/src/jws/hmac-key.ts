/**
 * Imports the UTF-8 bytes of the secret key once as a WebCrypto HMAC SHA-256 key, usable to
 * sign (the signed key) and verify (signed answers). Not extractable.
 */
export function importHmacKey(secretKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}
