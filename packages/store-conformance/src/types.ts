import type { AuthLiteClient, RoleSnapshot, RoleStore } from '@authlite/core';
import type { EmulatorControl } from './emulator-control.js';
import type { Hang } from './hanging-store.js';
import type { ManualClock } from './manual-clock.js';

/** One organisation of the conformance emulator. */
export interface OrgCredentials {
  orgId: string;
  apiKey: string;
  secretKey: string;
}

/**
 * What the suite needs from whoever launched it. Plain JSON, so that it crosses into any
 * runtime (a worker binding, a page, a command-line argument).
 */
export interface ConformanceConfig {
  /** Base URL of the running emulator, as the runtime under test reaches it. */
  emulatorUrl: string;
  /** `main`: the emulator's default organisation (the three seed roles); `other`: a second one with one role. */
  orgs: { main: OrgCredentials; other: OrgCredentials };
  /** Prefix of every store namespace of this run; unique per run, so that runs never share data. */
  runId: string;
  /** Extra options for every `AuthLiteClient` the suite builds, e.g. `{ dangerouslyAllowBrowser: true }` in a page. */
  clientOptions?: Record<string, unknown>;
  /** Run only the cases with these ids (default: all). */
  only?: string[];
}

/** A backend under test, as each runtime's launcher provides it. */
export interface StoreTarget {
  /** Name shown in reports, e.g. `"idb (chromium)"`. */
  name: string;
  /**
   * A handle on namespace `space` of the backend, for organisation `orgId`. Two calls with the
   * same arguments must share data (two clients, one store); different spaces never do.
   */
  openStore(space: string, orgId: string): Promise<RoleStore> | RoleStore;
  /**
   * Keeps `raw` under `key` the way the store keeps a serialised snapshot, bypassing its `set`:
   * plants corrupt, foreign and old-version data for the validation cases.
   */
  writeRaw(space: string, orgId: string, key: string, raw: string): Promise<void>;
  /**
   * A handle on namespace `space` whose backend never answers (reads and writes never settle),
   * hung the way this backend hangs in the field, e.g. an IndexedDB open blocked for good.
   * Optional: without it, the `hanging-backend` case wraps {@link StoreTarget.openStore}'s handle
   * in one whose calls never settle.
   */
  openHangingStore?(space: string, orgId: string): Promise<RoleStore> | RoleStore;
  /** Called once after the last case (close handles and connections). */
  close?(): Promise<void> | void;
}

/** What one case observed, next to what it expected; `error` when it threw. */
export interface CaseResult {
  id: string;
  title: string;
  expected: unknown;
  observed?: unknown;
  /** The thrown error's name and message. */
  error?: string;
  /** Does `observed` equal `expected` (JSON-equal)? */
  ok: boolean;
  /** Wall time of the case, milliseconds. */
  ms: number;
}

/** A store that counts the reads and writes that reach the real store behind it. */
export interface CountingStore extends RoleStore {
  readonly reads: number;
  readonly writes: number;
  /** Calls that have settled (answered or failed) so far; a hung backend keeps it below `reads + writes`. */
  readonly settled: number;
}

/** Everything a case gets. Each case has a namespace of its own and a freshly reset emulator. */
export interface CaseContext {
  readonly target: StoreTarget;
  readonly emu: EmulatorControl;
  readonly main: OrgCredentials;
  readonly other: OrgCredentials;
  /** A store handle in this case's namespace (`suffix` picks a second, separate namespace). */
  openStore(org?: OrgCredentials, suffix?: string): Promise<RoleStore>;
  /** Plants `raw` under the snapshot key of `org` in this case's namespace (see {@link StoreTarget.writeRaw}). */
  writeRaw(raw: string, org?: OrgCredentials): Promise<void>;
  /** The valid snapshot of `org` that `store` holds, or `undefined` (as the client would read it). */
  stored(store: RoleStore, org?: OrgCredentials): Promise<RoleSnapshot | undefined>;
  /**
   * A store in this case's namespace that never answers: `get` for `'reads'`, `get` and `set`
   * for `'reads-and-writes'` (then the target's own hung backend when it has one).
   */
  hangingStore(hang: Hang): Promise<RoleStore>;
  /**
   * A client of `org` (default `main`) against the emulator, with `store` as its role store
   * and the case's {@link CaseContext.clock}; `storeTimeout` in milliseconds.
   */
  client(store: RoleStore, options?: { org?: OrgCredentials; maxAge?: number; storeTimeout?: number }): AuthLiteClient;
  /** `store`, counting the calls that reach it. */
  counting(store: RoleStore): CountingStore;
  /** The case's clock, shared by every client it builds: cases move it instead of sleeping. */
  readonly clock: ManualClock;
}

/** One case of the contract: a run that returns what it observed, and what it must observe. */
export interface ConformanceCase<O = unknown> {
  /** Stable kebab-case id. */
  id: string;
  title: string;
  expected: O;
  run(ctx: CaseContext): Promise<O>;
}
