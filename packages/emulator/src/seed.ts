import type { EmulatorSeed } from './seed-types.ts';

/**
 * Fixed development credentials of the default seed's organisation. They are
 * public, documented and fake: never use them against the real service.
 */
export const DEV_CREDENTIALS: Readonly<{ org_id: string; api_key: string; secret_key: string }> = Object.freeze({
  org_id: 'de7e10b000000000000000000000000000000000000000000000000000000001',
  api_key: 'de7e10b00000000000000000000000a1LOCALEMULATORDEVKEYS',
  secret_key: '5ec7e7de7e10b000000000000000000000000000000000000000000000000051',
});

/** Callback URL of the default seed's organisation: the login route of `@authlite/next` on port 3000. */
export const DEFAULT_CALLBACK_URL = 'http://localhost:3000/auth/callback';

/** Role ids of the default seed. */
export const DEFAULT_ROLE_IDS: Readonly<{ admin: string; editor: string; viewer: string }> = Object.freeze({
  admin: 'rol_adm_00000000000000a1',
  editor: 'rol_edt_00000000000000e1',
  viewer: 'rol_vwr_00000000000000f1',
});

/**
 * The default seed: one organisation with {@link DEV_CREDENTIALS}, callback
 * `http://localhost:3000/auth/callback` (the `@authlite/next` default), users alice (admin) and bob (viewer), and
 * three roles. The editor role holds two `posts` permissions with different
 * values, so a client must see every permission, not just the first.
 * Token lifetimes are the defaults (3600 s access, 30 days refresh).
 */
export const DEFAULT_SEED: EmulatorSeed = {
  access_token_ttl_s: 3600,
  refresh_token_ttl_s: 30 * 24 * 3600,
  organisations: [
    {
      ...DEV_CREDENTIALS,
      name: 'AuthLite Dev Org',
      callback_url: DEFAULT_CALLBACK_URL,
      users: [
        {
          uid: 'a11ce000000000000000000000000001',
          email: 'alice@example.com',
          name: 'Alice Example',
          img: 'https://example.com/avatars/alice.png',
          roles: [DEFAULT_ROLE_IDS.admin],
        },
        {
          uid: 'b0b00000000000000000000000000002',
          email: 'bob@example.com',
          name: 'Bob Example',
          img: 'https://example.com/avatars/bob.png',
          roles: [DEFAULT_ROLE_IDS.viewer],
        },
      ],
      roles: [
        {
          rol_id: DEFAULT_ROLE_IDS.admin,
          name: 'admin',
          permissions: [{ user: 'administration' }, { billing: 'write' }, { reports: 'read' }],
        },
        {
          rol_id: DEFAULT_ROLE_IDS.editor,
          name: 'editor',
          permissions: [{ posts: 'write' }, { posts: 'publish' }, { reports: 'read' }],
        },
        {
          rol_id: DEFAULT_ROLE_IDS.viewer,
          name: 'viewer',
          permissions: [{ posts: 'read' }, { reports: 'read' }],
        },
      ],
    },
  ],
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
deepFreeze(DEFAULT_SEED);
