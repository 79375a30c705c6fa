import { SignJWT } from "jose";
import { nowS, type Clock } from "./clock.js";
import { newJti } from "./ids.js";

/** Default access token lifetime: one hour, in seconds. */
export const DEFAULT_ACCESS_TTL_S = 3600;
/** Default refresh token lifetime: 30 days, in seconds. */
export const DEFAULT_REFRESH_TTL_S = 30 * 24 * 3600;

/** Kind of a user token. */
export type TokenKind = "access" | "refresh";

/** One issued token and its state. */
export interface TokenRecord {
  token: string;
  kind: TokenKind;
  uid: string;
  /** Session id: an access/refresh pair and the pairs rotated from it share it. */
  sid: string;
  jti: string;
  iatS: number;
  /** Emulator time (seconds) from which the token no longer works. */
  expS: number;
  revoked: boolean;
}

/** An access token and the refresh token issued with it. */
export interface TokenPair {
  access: TokenRecord;
  refresh: TokenRecord;
}

/** Tokens of an organisation, keyed by token string. */
export type TokenTable = Map<string, TokenRecord>;

/** Signing settings of one organisation's tokens. */
export interface TokenSettings {
  /** Emulator-internal HS256 key (never the org secret_key). */
  key: Uint8Array;
  accessTtlS: number;
  refreshTtlS: number;
}

/** Whether a token is neither revoked nor expired at emulator time. */
export function isActive(record: TokenRecord, clock: Clock): boolean {
  return !record.revoked && nowS(clock) < record.expS;
}

/** The active token of `kind` with this string, if any. */
export function findActiveToken(
  tokens: TokenTable,
  clock: Clock,
  token: string,
  kind: TokenKind,
): TokenRecord | undefined {
  const record = tokens.get(token);
  return record && record.kind === kind && isActive(record, clock) ? record : undefined;
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
  if (kind === "access") claims["roles"] = [...roles];
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(uid)
    .setJti(jti)
    .setIssuedAt(iatS)
    .setExpirationTime(expS)
    .sign(settings.key);
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
    signToken(settings, "access", uid, sid, iat, iat + settings.accessTtlS, roles),
    signToken(settings, "refresh", uid, sid, iat, iat + settings.refreshTtlS, roles),
  ]);
  tokens.set(access.token, access);
  tokens.set(refresh.token, refresh);
  return { access, refresh };
}

function revokeWhere(tokens: TokenTable, clock: Clock, match: (r: TokenRecord) => boolean): number {
  let count = 0;
  for (const record of tokens.values()) {
    if (!match(record)) continue;
    if (isActive(record, clock)) count += 1;
    record.revoked = true;
  }
  return count;
}

/** Revokes one token; answers how many active tokens were revoked (0 or 1). */
export function revokeToken(tokens: TokenTable, clock: Clock, record: TokenRecord): number {
  return revokeWhere(tokens, clock, (r) => r === record);
}

/** Revokes every token of session `sid`; answers how many active ones it ended. */
export function revokeSession(tokens: TokenTable, clock: Clock, sid: string): number {
  return revokeWhere(tokens, clock, (r) => r.sid === sid);
}

/** Revokes every token of user `uid`; answers how many active ones it ended. */
export function revokeUser(tokens: TokenTable, clock: Clock, uid: string): number {
  return revokeWhere(tokens, clock, (r) => r.uid === uid);
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
  return issueTokenPair(tokens, clock, settings, used.uid, roles, used.sid);
}
