/**
 * Imports HS256 key bytes once as a WebCrypto key for signing and verifying, instead of on
 * every answer. A failed import rejects every use of the key, never the process.
 */
export function importHs256Key(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const key = crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  key.catch(() => undefined);
  return key;
}
