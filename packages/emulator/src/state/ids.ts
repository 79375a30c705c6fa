/** Random identifiers; uses the web-standard `crypto.getRandomValues`. */

const HEX = '0123456789abcdef';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters drawn from `alphabet`. */
export function randomFrom(alphabet: string, length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** `length` lowercase hex characters. */
export function randomHex(length: number): string {
  return randomFrom(HEX, length);
}

/** A new role id of the form `rol_<3 alphanumerics>_<16 lowercase hex>`. */
export function newRoleId(): string {
  return `rol_${randomFrom(ALNUM, 3)}_${randomHex(16)}`;
}

/** A new user id: 32 lowercase hex. */
export function newUid(): string {
  return randomHex(32);
}

/** A new one-time code (login or re-auth): 40 lowercase hex. */
export function newCode(): string {
  return randomHex(40);
}

/** A new JWT id / session id: 32 lowercase hex. */
export function newJti(): string {
  return randomHex(32);
}
