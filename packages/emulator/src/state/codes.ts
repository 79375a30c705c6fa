import { type Clock, nowS } from './clock.ts';
import { newCode } from './ids.ts';
import { SweepSchedule } from './sweep-schedule.ts';

/** Lifetime of login and re-auth codes, in seconds. */
export const CODE_TTL_S = 300;

/** What a one-time code is for. */
export type CodeKind = 'login' | 'reauth';

/** A one-time code waiting to be exchanged. */
export interface CodeRecord {
  code: string;
  kind: CodeKind;
  uid: string;
  /** Emulator time (seconds) from which the code no longer works. */
  expiresAtS: number;
}

/** Codes of an organisation waiting to be exchanged; unused codes are dropped once expired on the emulator clock. */
export class CodeTable {
  readonly #codes = new Map<string, CodeRecord>();
  readonly #schedule = new SweepSchedule();

  /** Number of codes held (unexpired ones, plus expired ones not yet swept). */
  get size(): number {
    return this.#codes.size;
  }

  /** Adds a code issued at emulator time `nowS`, first sweeping expired codes when due. */
  add(record: CodeRecord, nowS: number): void {
    if (this.#schedule.due(nowS, this.#codes.size)) this.prune(nowS);
    this.#codes.set(record.code, record);
  }

  /** Removes and answers the record of `code`, if held. */
  take(code: string): CodeRecord | undefined {
    const record = this.#codes.get(code);
    if (record) this.#codes.delete(code);
    return record;
  }

  /** The record of `code`, if held. */
  peek(code: string): CodeRecord | undefined {
    return this.#codes.get(code);
  }

  /** Drops every code expired at emulator time `nowS`; answers how many. */
  prune(nowS: number): number {
    let dropped = 0;
    for (const record of this.#codes.values()) {
      if (nowS >= record.expiresAtS) {
        this.#codes.delete(record.code);
        dropped += 1;
      }
    }
    this.#schedule.swept(nowS, this.#codes.size);
    return dropped;
  }
}

/** Issues a new code for `uid`, valid for {@link CODE_TTL_S} seconds. */
export function issueCode(codes: CodeTable, clock: Clock, kind: CodeKind, uid: string): string {
  const code = newCode();
  const now = nowS(clock);
  codes.add({ code, kind, uid, expiresAtS: now + CODE_TTL_S }, now);
  return code;
}

/**
 * Consumes a code: answers its record and forgets it when it exists, is of
 * `kind` and has not expired; answers undefined (and changes nothing, except
 * forgetting an expired code) otherwise.
 */
export function takeCode(codes: CodeTable, clock: Clock, kind: CodeKind, code: string): CodeRecord | undefined {
  const record = codes.peek(code);
  if (!record || record.kind !== kind) return undefined;
  codes.take(code);
  return nowS(clock) >= record.expiresAtS ? undefined : record;
}
