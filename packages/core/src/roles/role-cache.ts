import type { Answered } from '../endpoints/context.js';
import { RequestScopedFlight } from '../runtime/request-scoped-flight.js';
import type { Role } from '../schemas/answers.js';
import { RoleIndex } from './role-index.js';
import { parseSnapshot, type RoleSnapshot, type RoleStore, SNAPSHOT_VERSION, snapshotKey } from './role-store.js';

/** What a role cache needs; one per client. */
export interface RoleCacheConfig {
  orgId: string;
  store: RoleStore;
  /** Longest a snapshot is trusted without asking `GET /rbac/role` again, seconds. */
  maxAgeS: number;
  fetchRoles: () => Promise<Answered<Role[]>>;
  nowS?: () => number;
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
 */
export class RoleCache {
  readonly #config: RoleCacheConfig;
  readonly #key: string;
  readonly #nowS: () => number;
  #snapshot: RoleSnapshot | undefined;
  #index: RoleIndex | undefined;
  #stale = false;
  readonly #flight = new RequestScopedFlight<RoleIndex>();
  #writes = 0;

  constructor(config: RoleCacheConfig) {
    this.#config = config;
    this.#key = snapshotKey(config.orgId);
    this.#nowS = config.nowS ?? (() => Date.now() / 1000);
  }

  /** The current index, synchronising first when needed (see the class notes). */
  index(): Promise<RoleIndex> {
    const index = this.current();
    return index ? Promise.resolve(index) : this.#singleFlight(() => this.#sync());
  }

  /** The loaded index when usable as is (fresh and not stale), else `undefined`: the synchronous fast path of checks. */
  current(): RoleIndex | undefined {
    const index = this.#index;
    return index && !this.#stale && this.#isFresh(this.#snapshot) ? index : undefined;
  }

  /** Fetches `GET /rbac/role` now (shared with any fetch already under way). */
  refresh(): Promise<RoleIndex> {
    this.#stale = true;
    return this.#singleFlight(() => this.#fetch());
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

  #singleFlight(run: () => Promise<RoleIndex>): Promise<RoleIndex> {
    return this.#flight.run(run);
  }

  async #sync(): Promise<RoleIndex> {
    if (!this.#stale) {
      const writesBefore = this.#writes;
      const stored = await this.#load();
      // Not used when an X-EDGE or a write of this client came in while the store answered.
      if (stored && this.#isFresh(stored) && !this.#stale && this.#writes === writesBefore) return this.#use(stored);
    }
    return this.#fetch();
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
    await this.#save(snapshot);
    return index;
  }

  #use(snapshot: RoleSnapshot): RoleIndex {
    this.#snapshot = snapshot;
    this.#index = new RoleIndex(snapshot.roles);
    this.#stale = false;
    return this.#index;
  }

  #isFresh(snapshot: RoleSnapshot | undefined): boolean {
    return snapshot !== undefined && this.#nowS() - snapshot.fetchedAt < this.#config.maxAgeS;
  }

  async #load(): Promise<RoleSnapshot | undefined> {
    try {
      return parseSnapshot(await this.#config.store.get(this.#key), this.#config.orgId);
    } catch {
      return undefined;
    }
  }

  async #save(snapshot: RoleSnapshot): Promise<void> {
    try {
      await this.#config.store.set(this.#key, snapshot);
    } catch {
      // The in-memory index stays right; the store catches up on the next save.
    }
  }
}
