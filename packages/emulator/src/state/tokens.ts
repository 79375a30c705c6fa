import { compactVerify, SignJWT } from 'jose';
import { type Clock, nowS } from './clock.ts';
import { newJti } from './ids.ts';
import type { TokenKind, TokenRecord, TokenTable } from './token-table.ts';

export { type TokenKind, type TokenRecord, TokenTable } from './token-table.ts';

/** Default access token lifetime: one hour, in seconds. */
export const DEFAULT_ACCESS_TTL_S = 3600;
/** Default refresh token lifetime: 30 days, in seconds. */
export const DEFAULT_REFRESH_TTL_S: number = 30 * 24 * 3600;

/** An access token and the refresh token issued with it. */
export interface TokenPair {
  access: TokenRecord;
  refresh: TokenRecord;
}

/** Signing settings of one organisation's tokens. */
export interface TokenSettings {
  /** Emulator-internal HS256 key (never the org secret_key), imported once. */
  key: Promise<CryptoKey>;
  accessTtlS: number;
  refreshTtlS: number;
}

/** Whether a token is neither revoked nor expired at emulator time. */
export function isActive(record: TokenRecord, clock: Clock): boolean {
  return !record.revoked && nowS(clock) < record.expS;
}

/** The active token of `kind` with this string, if any. */
export function findActiveToken(tokens: TokenTable, clock: Clock, token: string, kind: TokenKind): TokenRecord | undefined {
  const record = tokens.get(token);
  return record && record.kind === kind && isActive(record, clock) ? record : undefined;
}

/** What the signature of a token the emulator issued tells: enough to revoke by it once it was dropped. */
export interface IssuedTokenClaims {
  kind: TokenKind;
  uid: string;
  sid: string;
}

/**
 * The kind, user and session of `token` when its HS256 signature verifies with this
 * organisation's token key (so the emulator issued it, since its last reset); undefined for
 * anything else. Expiry is not checked: the token table decides validity.
 */
export async function issuedTokenClaims(settings: TokenSettings, token: string): Promise<IssuedTokenClaims | undefined> {
  try {
    const { payload, protectedHeader } = await compactVerify(token, await settings.key, { algorithms: ['HS256'] });
    if (protectedHeader.alg !== 'HS256') return undefined;
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    const { type, sub, sid } = claims;
    if ((type !== 'access' && type !== 'refresh') || typeof sub !== 'string' || typeof sid !== 'string') return undefined;
    return { kind: type, uid: sub, sid };
  } catch {
    return undefined;
  }
}

async function signToken(
  settings: TokenSettings,
  kind: TokenKind,
  uid: string,
  sid: string,
  iatS: number,
  expS: number,
  roles: readonly string[],
): Promise<TokenRecord> {
  const jti = newJti();
  const claims: Record<string, unknown> = { type: kind, sid };
  if (kind === 'access') claims['roles'] = [...roles];
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(uid)
    .setJti(jti)
    .setIssuedAt(iatS)
    .setExpirationTime(expS)
    .sign(await settings.key);
  return { token, kind, uid, sid, jti, iatS, expS, revoked: false };
}

/**
 * Signs a new access/refresh pair for `uid` (session `sid`, a new one when
 * omitted) and records both. The access token carries the user's `roles`.
 */
export async function issueTokenPair(
  tokens: TokenTable,
  clock: Clock,
  settings: TokenSettings,
  uid: string,
  roles: readonly string[],
  sid: string = newJti(),
): Promise<TokenPair> {
  const iat = nowS(clock);
  const [access, refresh] = await Promise.all([
    signToken(settings, 'access', uid, sid, iat, iat + settings.accessTtlS, roles),
    signToken(settings, 'refresh', uid, sid, iat, iat + settings.refreshTtlS, roles),
  ]);
  tokens.add(access, nowS(clock));
  tokens.add(refresh, nowS(clock));
  return { access, refresh };
}

/** Marks the records revoked and drops them; answers how many of them were active. */
function revokeAll(tokens: TokenTable, clock: Clock, records: readonly TokenRecord[]): number {
  let count = 0;
  for (const record of records) {
    if (isActive(record, clock)) count += 1;
    record.revoked = true;
    tokens.drop(record);
  }
  return count;
}

/** Revokes one token; answers how many active tokens were revoked (0 or 1). */
export function revokeToken(tokens: TokenTable, clock: Clock, record: TokenRecord): number {
  return revokeAll(tokens, clock, [record]);
}

/** Revokes every token of session `sid`; answers how many active ones it ended. */
export function revokeSession(tokens: TokenTable, clock: Clock, sid: string): number {
  return revokeAll(tokens, clock, tokens.ofSession(sid));
}

/** Revokes every token of user `uid`; answers how many active ones it ended. */
export function revokeUser(tokens: TokenTable, clock: Clock, uid: string): number {
  return revokeAll(tokens, clock, tokens.ofUser(uid));
}

/**
 * Refresh with rotation: revokes the used refresh token first (so it can never
 * be used twice, even by a concurrent request), then issues a new pair in the
 * same session. Earlier access tokens of the session stay valid until they
 * expire or are revoked.
 */
export async function rotateRefreshToken(
  tokens: TokenTable,
  clock: Clock,
  settings: TokenSettings,
  used: TokenRecord,
  roles: readonly string[],
): Promise<TokenPair> {
  used.revoked = true;
  tokens.drop(used);
  return issueTokenPair(tokens, clock, settings, used.uid, roles, used.sid);
}
