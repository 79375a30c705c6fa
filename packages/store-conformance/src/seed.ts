import {
  DEFAULT_ROLE_IDS,
  DEFAULT_SEED,
  DEV_CREDENTIALS,
  type EmulatorSeed,
  type SeedOrganisation,
  type SeedRole,
} from '@authlite/emulator';
import type { OrgCredentials } from './types.js';

/** The one role of the second organisation. */
export const OTHER_ROLE_ID = 'rol_oth_00000000000000c1';

/** A second organisation next to the default one, for the isolation case. Fake, public values. */
export const OTHER_ORG: SeedOrganisation = {
  org_id: `${'0e4e'.padEnd(62, '0')}c1`,
  api_key: `${'0e4e'.padEnd(30, '0')}c1OTHERORGCONFORMANCES`,
  secret_key: `${'5ec0'.padEnd(62, '0')}c1`,
  name: 'Conformance Other Org',
  callback_url: 'http://localhost:3001/callback',
  users: [],
  roles: [{ rol_id: OTHER_ROLE_ID, name: 'vault-keeper', permissions: [{ vault: 'open' }] }],
};

/** The emulator seed of every conformance run: the default seed plus {@link OTHER_ORG}. */
export const CONFORMANCE_SEED: EmulatorSeed = {
  ...DEFAULT_SEED,
  organisations: [...DEFAULT_SEED.organisations, OTHER_ORG],
};

/** Credentials of the default organisation (`main`) and of {@link OTHER_ORG} (`other`). */
export const CONFORMANCE_ORGS: { main: OrgCredentials; other: OrgCredentials } = {
  main: { orgId: DEV_CREDENTIALS.org_id, apiKey: DEV_CREDENTIALS.api_key, secretKey: DEV_CREDENTIALS.secret_key },
  other: { orgId: OTHER_ORG.org_id, apiKey: OTHER_ORG.api_key, secretKey: OTHER_ORG.secret_key },
};

/** Role ids of the main organisation's seed roles, sorted. */
export const MAIN_ROLE_IDS: string[] = Object.values(DEFAULT_ROLE_IDS).sort();

/** The main organisation's seed roles, as the seed defines them. */
export const MAIN_SEED_ROLES: readonly SeedRole[] = DEFAULT_SEED.organisations[0]?.roles ?? [];
