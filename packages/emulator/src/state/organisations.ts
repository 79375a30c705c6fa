import type { SeedOrganisation } from '../seed-types.ts';
import { CodeTable } from './codes.ts';
import { importHs256Key } from './keys.ts';
import { copyRole, type RoleRecord } from './roles.ts';
import { type TokenSettings, TokenTable } from './tokens.ts';
import { DEFAULT_IMG, UserTable } from './users.ts';

/** The live state of one organisation. */
export interface OrgState {
  org_id: string;
  api_key: string;
  secret_key: string;
  callback_url: string;
  name: string;
  /** secret_key (its UTF-8 bytes), imported once: the HS256 key of signed_key and of signed answers. */
  secretKey: Promise<CryptoKey>;
  /** signed_key values already verified for this organisation (a signed_key is deterministic). */
  verifiedSignedKeys: Set<string>;
  /** Emulator-internal token signing key and lifetimes. */
  tokenSettings: TokenSettings;
  users: UserTable;
  /** Roles in creation order. */
  roles: RoleRecord[];
  codes: CodeTable;
  tokens: TokenTable;
}

/** Builds an organisation's state from its (already validated) seed entry. */
export function createOrgState(seed: SeedOrganisation, accessTtlS: number, refreshTtlS: number): OrgState {
  const users = new UserTable();
  for (const u of seed.users ?? []) {
    users.set(u.uid, {
      uid: u.uid,
      email: u.email,
      name: u.name ?? u.email.split('@')[0] ?? u.email,
      img: u.img ?? DEFAULT_IMG,
      roles: [...(u.roles ?? [])],
    });
  }
  return {
    org_id: seed.org_id,
    api_key: seed.api_key,
    secret_key: seed.secret_key,
    callback_url: seed.callback_url,
    name: seed.name ?? '',
    secretKey: importHs256Key(new TextEncoder().encode(seed.secret_key)),
    verifiedSignedKeys: new Set(),
    tokenSettings: {
      key: importHs256Key(crypto.getRandomValues(new Uint8Array(32))),
      accessTtlS,
      refreshTtlS,
    },
    users,
    roles: (seed.roles ?? []).map((r) => copyRole({ org_id: seed.org_id, ...r })),
    codes: new CodeTable(),
    tokens: new TokenTable(),
  };
}
