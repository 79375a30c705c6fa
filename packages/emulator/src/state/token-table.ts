import { SweepSchedule } from './sweep-schedule.ts';

/** Kind of a user token. */
export type TokenKind = 'access' | 'refresh';

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

function addTo(index: Map<string, Set<TokenRecord>>, key: string, record: TokenRecord): void {
  const set = index.get(key);
  if (set) set.add(record);
  else index.set(key, new Set([record]));
}

function removeFrom(index: Map<string, Set<TokenRecord>>, key: string, record: TokenRecord): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(record);
  if (set.size === 0) index.delete(key);
}

/**
 * The live tokens of an organisation, by token string and indexed by session and user (so
 * revocation reads only the tokens it ends). A token leaves the table once revoked or
 * expired on the emulator clock; the signature of a token tells that the emulator issued it
 * (see `issuedTokenClaims`), so a dropped token still answers as an inactive one.
 */
export class TokenTable {
  readonly #byToken = new Map<string, TokenRecord>();
  readonly #bySession = new Map<string, Set<TokenRecord>>();
  readonly #byUser = new Map<string, Set<TokenRecord>>();
  readonly #schedule = new SweepSchedule();

  /** Number of tokens held (live ones, plus dead ones not yet swept). */
  get size(): number {
    return this.#byToken.size;
  }

  /** The record of this token string, if held. */
  get(token: string): TokenRecord | undefined {
    return this.#byToken.get(token);
  }

  /** Adds a token issued at emulator time `nowS`, first sweeping dead tokens when due. */
  add(record: TokenRecord, nowS: number): void {
    if (this.#schedule.due(nowS, this.#byToken.size)) this.prune(nowS);
    this.#byToken.set(record.token, record);
    addTo(this.#bySession, record.sid, record);
    addTo(this.#byUser, record.uid, record);
  }

  /** Removes a token from the table and its indexes. */
  drop(record: TokenRecord): void {
    if (this.#byToken.get(record.token) !== record) return;
    this.#byToken.delete(record.token);
    removeFrom(this.#bySession, record.sid, record);
    removeFrom(this.#byUser, record.uid, record);
  }

  /** Tokens of session `sid` still held. */
  ofSession(sid: string): TokenRecord[] {
    return [...(this.#bySession.get(sid) ?? [])];
  }

  /** Tokens of user `uid` still held. */
  ofUser(uid: string): TokenRecord[] {
    return [...(this.#byUser.get(uid) ?? [])];
  }

  /** Drops every revoked token and every token expired at emulator time `nowS`; answers how many. */
  prune(nowS: number): number {
    let dropped = 0;
    for (const record of this.#byToken.values()) {
      if (record.revoked || nowS >= record.expS) {
        this.drop(record);
        dropped += 1;
      }
    }
    this.#schedule.swept(nowS, this.#byToken.size);
    return dropped;
  }
}
