import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { OrgState } from './organisations.ts';

/** How many verified signed_key values an organisation remembers (a client sends one). */
const VERIFIED_SIGNED_KEYS_LIMIT = 16;

/**
 * Whether `signedKey` is a compact HS256 JWS keyed with the org's secret_key
 * whose payload's `api_key` equals `apiKey`. Never throws. A signed_key that
 * verified once is remembered, since the same string always verifies the same way.
 */
export async function verifySignedKey(org: OrgState, apiKey: string, signedKey: string): Promise<boolean> {
  if (apiKey === org.api_key && org.verifiedSignedKeys.has(signedKey)) return true;
  try {
    const { payload } = await jwtVerify(signedKey, await org.secretKey, { algorithms: ['HS256'] });
    if (payload['api_key'] !== apiKey) return false;
    if (apiKey === org.api_key) {
      if (org.verifiedSignedKeys.size >= VERIFIED_SIGNED_KEYS_LIMIT) org.verifiedSignedKeys.clear();
      org.verifiedSignedKeys.add(signedKey);
    }
    return true;
  } catch {
    return false;
  }
}

/** Signs `claims` as a compact JWS, HS256 with the org's secret_key, header {alg, typ: "JWT"}. */
export async function signWithSecret(org: OrgState, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(await org.secretKey);
}
