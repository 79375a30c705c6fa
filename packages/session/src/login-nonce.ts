/** Lifetime of the login nonce cookie, seconds: as long as a login through the widget may take. */
export const LOGIN_NONCE_MAX_AGE_S = 600;

const NONCE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A new login nonce: 16 random bytes (WebCrypto), base64url without padding (22 characters). */
export function newLoginNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  // Stryker disable next-line Regex: equivalent, btoa puts '=' only at the end.
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** True when `value` has the form {@link newLoginNonce} produces. */
export function isLoginNonce(value: string | undefined): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent, RegExp.test(undefined) tests "undefined", which is not 22 characters.
  return value !== undefined && NONCE_PATTERN.test(value);
}
