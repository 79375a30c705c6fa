import { nowS, type Clock } from "./clock.js";
import { newCode } from "./ids.js";

/** Lifetime of login and re-auth codes, in seconds. */
export const CODE_TTL_S = 300;

/** What a one-time code is for. */
export type CodeKind = "login" | "reauth";

/** A one-time code waiting to be exchanged. */
export interface CodeRecord {
  code: string;
  kind: CodeKind;
  uid: string;
  /** Emulator time (seconds) from which the code no longer works. */
  expiresAtS: number;
}

/** Codes of an organisation, keyed by code. */
export type CodeTable = Map<string, CodeRecord>;

/** Issues a new code for `uid`, valid for {@link CODE_TTL_S} seconds. */
export function issueCode(codes: CodeTable, clock: Clock, kind: CodeKind, uid: string): string {
  const code = newCode();
  codes.set(code, { code, kind, uid, expiresAtS: nowS(clock) + CODE_TTL_S });
  return code;
}

/**
 * Consumes a code: answers its record and forgets it when it exists, is of
 * `kind` and has not expired; answers undefined (and changes nothing, except
 * forgetting an expired code) otherwise.
 */
export function takeCode(codes: CodeTable, clock: Clock, kind: CodeKind, code: string): CodeRecord | undefined {
  const record = codes.get(code);
  if (!record || record.kind !== kind) return undefined;
  if (nowS(clock) >= record.expiresAtS) {
    codes.delete(code);
    return undefined;
  }
  codes.delete(code);
  return record;
}
