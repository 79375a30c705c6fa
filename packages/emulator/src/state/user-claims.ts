import type { JWTPayload } from 'jose';
import { newJti } from './ids.ts';
import type { TokenPair } from './tokens.ts';
import type { UserRecord } from './users.ts';

/** Scopes every emulated login grants. */
export const USER_SCOPES: readonly string[] = ['openid', 'email', 'profile'];

/**
 * Claims of the signed user JWS (auth/data, re-auth/token): `scope` is a
 * JSON-encoded list and `sub` a JSON-encoded `{email, uid}`; no `aud`.
 */
export function userClaims(issuer: string, user: UserRecord, pair: TokenPair, iatS: number): JWTPayload {
  return {
    iss: issuer,
    jti: newJti(),
    access_token: pair.access.token,
    refresh_token: pair.refresh.token,
    type: 'bearer',
    exp: pair.access.expS,
    refresh_exp: pair.refresh.expS,
    iat: iatS,
    scope: JSON.stringify(USER_SCOPES),
    img: user.img,
    name: user.name,
    sub: JSON.stringify({ email: user.email, uid: user.uid }),
  };
}

/** Claims of the signed user data (me/data). */
export function userDataClaims(issuer: string, user: UserRecord, iatS: number): JWTPayload {
  return {
    iss: issuer,
    iat: iatS,
    uid: user.uid,
    email: user.email,
    name: user.name,
    img: user.img,
    roles: [...user.roles],
  };
}
