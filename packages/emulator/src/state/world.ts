import type { EmulatorSeed } from '../seed-types.ts';
import { type Clock, createClock, nowS } from './clock.ts';
import { clearFaults, createFaultState, type FaultState } from './faults.ts';
import { createOrgState, type OrgState } from './organisations.ts';
import type { RequestLog } from './request-log.ts';
import { DEFAULT_ACCESS_TTL_S, DEFAULT_REFRESH_TTL_S } from './tokens.ts';

/** Everything one emulator instance holds. */
export interface World {
  /** The validated seed, kept for reset. */
  readonly seed: EmulatorSeed;
  orgs: Map<string, OrgState>;
  byApiKey: Map<string, OrgState>;
  /** The seed's first organisation. */
  defaultOrg: OrgState;
  clock: Clock;
  faults: FaultState;
  requests: RequestLog;
}

function buildOrgs(seed: EmulatorSeed): Pick<World, 'orgs' | 'byApiKey' | 'defaultOrg'> {
  const access = seed.access_token_ttl_s ?? DEFAULT_ACCESS_TTL_S;
  const refresh = seed.refresh_token_ttl_s ?? DEFAULT_REFRESH_TTL_S;
  const orgs = new Map<string, OrgState>();
  const byApiKey = new Map<string, OrgState>();
  for (const o of seed.organisations) {
    const state = createOrgState(o, access, refresh);
    orgs.set(state.org_id, state);
    byApiKey.set(state.api_key, state);
  }
  const first = seed.organisations[0];
  const defaultOrg = first ? orgs.get(first.org_id) : undefined;
  if (!defaultOrg) throw new TypeError('Invalid emulator seed: expected at least one organisation');
  return { orgs, byApiKey, defaultOrg };
}

/** A fresh world from a validated seed. */
export function createWorld(seed: EmulatorSeed): World {
  return { seed, ...buildOrgs(seed), clock: createClock(), faults: createFaultState(), requests: [] };
}

/** Back to the seed: organisations rebuilt, clock, faults and request log cleared. */
export function resetWorld(world: World): void {
  Object.assign(world, buildOrgs(world.seed));
  world.clock.offsetS = 0;
  clearFaults(world.faults);
  world.requests.length = 0;
}

/**
 * Drops the revoked and expired tokens and the expired codes of every organisation at the
 * emulator's current time (tables also sweep themselves as they grow); answers how many.
 */
export function pruneWorld(world: World): number {
  const now = nowS(world.clock);
  let dropped = 0;
  for (const org of world.orgs.values()) dropped += org.tokens.prune(now) + org.codes.prune(now);
  return dropped;
}
