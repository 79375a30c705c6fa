import { jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { OrgState } from "./organisations.js";

/**
 * Whether `signedKey` is a compact HS256 JWS keyed with the org's secret_key
 * whose payload's `api_key` equals `apiKey`. Never throws.
 */
export async function verifySignedKey(org: OrgState, apiKey: string, signedKey: string): Promise<boolean> {
  try {
    const { payload } = await jwtVerify(signedKey, org.secretKeyBytes, { algorithms: ["HS256"] });
    return payload["api_key"] === apiKey;
  } catch {
    return false;
  }
}

/** Signs `claims` as a compact JWS, HS256 with the org's secret_key, header {alg, typ: "JWT"}. */
export async function signWithSecret(org: OrgState, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(org.secretKeyBytes);
}
