import type { Answered } from '../endpoints/context.ts';
import { RequestScopedFlight, servesThisRequest } from '../runtime/request-scoped-flight.ts';
import type { Role } from '../schemas/answers.ts';
import { STORE_DEADLINE_PASSED, withStoreDeadline } from '../shared/store-deadline.ts';
import { RoleIndex } from './role-index.ts';
import { parseSnapshot, type RoleSnapshot, type RoleStore, SNAPSHOT_VERSION, snapshotKey } from './role-store.ts';

/** What a role cache needs; one per client. */
export interface RoleCacheConfig {
  orgId: string;
  store: RoleStore;
  /** Longest a snapshot is trusted without asking `GET /rbac/role` again, seconds. */
  maxAgeS: number;
  fetchRoles: () => Promise<Answered<Role[]>>;
  /** Longest wait for one store `get` or `set`, milliseconds; past it a read counts as empty, a write as skipped. */
  storeTimeoutMs: number;
  /** Now, seconds since the epoch (the client's clock). */
  nowS?: () => number;
}

/**
 * Most a snapshot's `fetchedAt` may lie ahead of this client's service clock, seconds: a
 * snapshot from further ahead (a writer whose clock ran fast) is not trusted, so that no
 * snapshot is used longer than `maxAge` past the time it was fetched, whoever wrote it.
 */
const FUTURE_SLACK_S = 5;

/** A store read under way, released early when a fetch lands in the same request. */
interface PendingRead {
  owner: AbortSignal;
  release: () => void;
}

/**
 * The role cache: an in-memory {@link RoleIndex} over a snapshot kept in a {@link RoleStore}.
 *
 * - First use loads the stored snapshot, and so does each sync after the loaded one grew older
 *   than `maxAgeS` (another client sharing the store may have saved a newer one).
 *   `GET /rbac/role` is called only when the store has no valid snapshot of this organisation,
 *   the stored one is older than `maxAgeS` too, an answer's `X-EDGE` count differs from the
 *   snapshot's, or a refresh is asked for. Concurrent triggers share one sync (single-flight),
 *   scoped to the request being served on Cloudflare Workers (see {@link RequestScopedFlight}).
 * - The client's own role writes are applied at once after the API accepted them
 *   (write-through), then saved to the store; a failed API call changes nothing.
 * - Every store call has a deadline (`storeTimeoutMs`): a read that does not answer in time
 *   counts as empty (the roles come from `GET /rbac/role`), a write as skipped. A read still
 *   under way when a fetch lands is given up at once. `refresh()` never waits on a store read.
 */
export class RoleCache {
  readonly #config: RoleCacheConfig;
  readonly #key: string;
  readonly #nowS: () => number;
  #snapshot: RoleSnapshot | undefined;
  #index: RoleIndex | undefined;
  #stale = false;
  /** The loaded snapshot's freshness window on the service clock, seconds (see {@link RoleCache.current}). */
  #freshFromS = 0;
  #freshUntilS = 0;
  readonly #flight = new RequestScopedFlight<RoleIndex>();
  readonly #fetchFlight = new RequestScopedFlight<RoleIndex>();
  readonly #pendingReads = new Set<PendingRead>();
  #writes = 0;

  constructor(config: RoleCacheConfig) {
    this.#config = config;
    this.#key = snapshotKey(config.orgId);
    this.#nowS = config.nowS ?? (() => Date.now() / 1000);
  }

  /** The current index, synchronising first when needed (see the class notes). */
  index(): Promise<RoleIndex> {
    const index = this.current();
    return index ? Promise.resolve(index) : this.#flight.run(() => this.#sync());
  }

  /** The loaded index when usable as is (fresh and not stale), else `undefined`: the synchronous fast path of checks. */
  current(): RoleIndex | undefined {
    if (this.#stale || this.#index === undefined) return undefined;
    const nowS = this.#nowS();
    return nowS < this.#freshUntilS && nowS >= this.#freshFromS ? this.#index : undefined;
  }

  /** Fetches `GET /rbac/role` now (shared with any fetch already under way, never with a store read). */
  refresh(): Promise<RoleIndex> {
    this.#stale = true;
    return this.#fetchOnce();
  }

  /** Marks the cache stale: the next check re-fetches (a write whose outcome is unknown). */
  invalidate(): void {
    this.#stale = true;
  }

  /** Notes an answer's `X-EDGE` role count; a count other than the snapshot's makes the next check re-fetch. */
  observeEdge(edge: number | undefined): void {
    if (edge !== undefined && this.#snapshot && edge !== this.#snapshot.edge) this.#stale = true;
  }

  /**
   * Applies an accepted role write to the cached roles and saves the snapshot. `edge` is the
   * write answer's `X-EDGE`; a count that does not match the roles after the write (another
   * writer was there too) marks the cache stale. With nothing loaded yet, the next load
   * skips the store and fetches.
   */
  async applyWrite(mutate: (roles: Role[]) => Role[], edge: number | undefined): Promise<void> {
    this.#writes++;
    const current = this.#snapshot;
    if (!current) {
      this.#stale = true;
      return;
    }
    const roles = mutate(current.roles);
    const snapshot: RoleSnapshot = { ...current, roles, edge: edge ?? roles.length };
    const wasStale = this.#stale;
    this.#use(snapshot);
    this.#stale = wasStale || (edge !== undefined && edge !== roles.length);
    await this.#save(snapshot);
  }

  #fetchOnce(): Promise<RoleIndex> {
    return this.#fetchFlight.run(() => this.#fetch());
  }

  async #sync(): Promise<RoleIndex> {
    if (!this.#stale) {
      const writesBefore = this.#writes;
      const stored = await this.#load();
      // A fetch landed while the store was asked: its index is newer than anything stored.
      const landed = this.current();
      if (landed) return landed;
      // Not used when an X-EDGE or a write of this client came in while the store answered.
      if (stored && this.#isFresh(stored) && !this.#stale && this.#writes === writesBefore) return this.#use(stored);
    }
    return this.#fetchOnce();
  }

  async #fetch(): Promise<RoleIndex> {
    const writesBefore = this.#writes;
    const { value: roles, edge } = await this.#config.fetchRoles();
    const snapshot: RoleSnapshot = {
      v: SNAPSHOT_VERSION,
      orgId: this.#config.orgId,
      roles,
      edge: edge ?? roles.length,
      fetchedAt: this.#nowS(),
    };
    const index = this.#use(snapshot);
    // A write accepted while this fetch was under way may be missing from its answer.
    if (this.#writes !== writesBefore) this.#stale = true;
    this.#releasePendingReads();
    await this.#save(snapshot);
    return index;
  }

  #use(snapshot: RoleSnapshot): RoleIndex {
    this.#snapshot = snapshot;
    this.#freshFromS = snapshot.fetchedAt - FUTURE_SLACK_S;
    this.#freshUntilS = snapshot.fetchedAt + this.#config.maxAgeS;
    this.#index = new RoleIndex(snapshot.roles);
    this.#stale = false;
    return this.#index;
  }

  #isFresh(snapshot: RoleSnapshot | undefined): boolean {
    if (snapshot === undefined) return false;
    const ageS = this.#nowS() - snapshot.fetchedAt;
    return ageS >= -FUTURE_SLACK_S && ageS < this.#config.maxAgeS;
  }

  async #load(): Promise<RoleSnapshot | undefined> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const pending: PendingRead = { owner: new AbortController().signal, release };
    this.#pendingReads.add(pending);
    try {
      const stored = await withStoreDeadline(() => this.#config.store.get(this.#key), this.#config.storeTimeoutMs, released);
      return stored === STORE_DEADLINE_PASSED ? undefined : parseSnapshot(stored, this.#config.orgId);
    } catch {
      return undefined;
    } finally {
      this.#pendingReads.delete(pending);
    }
  }

  /** Gives up the store reads of this request that are under way (on workerd, another request's promises are never settled from here). */
  #releasePendingReads(): void {
    for (const pending of this.#pendingReads) {
      if (servesThisRequest(pending.owner)) pending.release();
    }
  }

  async #save(snapshot: RoleSnapshot): Promise<void> {
    try {
      await withStoreDeadline(() => this.#config.store.set(this.#key, snapshot), this.#config.storeTimeoutMs);
    } catch {
      // The in-memory index stays right; the store catches up on the next save.
    }
  }
}
