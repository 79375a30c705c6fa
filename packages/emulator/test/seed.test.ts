import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator, DEFAULT_ROLE_IDS, DEFAULT_SEED, DEV_CREDENTIALS, type EmulatorSeed, parseSeed } from '../src/index.js';
import { signKey, startHarness } from './helpers.js';

const SECOND_ORG = {
  org_id: '0123456789abcdef'.repeat(4),
  api_key: `${'0123456789abcdef'.repeat(2)}SECONDORGDEVKEYSXXXX`,
  secret_key: 'fedcba9876543210'.repeat(4),
  callback_url: 'http://localhost:4000/cb',
  users: [{ uid: 'u1', email: 'zed@example.net', roles: ['rol_zed_0000000000000001'] }],
  roles: [{ rol_id: 'rol_zed_0000000000000001', name: 'zed', permissions: [{ zed: 'all' }] }],
};

describe('default seed', () => {
  it('has well-formed fixed development credentials', () => {
    expect(DEV_CREDENTIALS.org_id).toMatch(/^[0-9a-f]{64}$/);
    expect(DEV_CREDENTIALS.api_key).toMatch(/^[0-9a-f]{32}[A-Z]{20}$/);
    expect(DEV_CREDENTIALS.secret_key).toMatch(/^[0-9a-f]{64}$/);
    expect(DEV_CREDENTIALS).toEqual({
      org_id: 'de7e10b000000000000000000000000000000000000000000000000000000001',
      api_key: 'de7e10b00000000000000000000000a1LOCALEMULATORDEVKEYS',
      secret_key: '5ec7e7de7e10b000000000000000000000000000000000000000000000000051',
    });
    const org = DEFAULT_SEED.organisations[0]!;
    expect(org).toMatchObject({ ...DEV_CREDENTIALS, callback_url: 'http://localhost:3000/auth/callback' });
    expect(DEFAULT_SEED.organisations).toHaveLength(1);
  });

  it('has two users and three roles, one with two values of the same key', () => {
    const org = DEFAULT_SEED.organisations[0]!;
    expect(org.users!.map((u) => [u.email, u.roles])).toEqual([
      ['alice@example.com', [DEFAULT_ROLE_IDS.admin]],
      ['bob@example.com', [DEFAULT_ROLE_IDS.viewer]],
    ]);
    expect(org.roles!.map((r) => r.name)).toEqual(['admin', 'editor', 'viewer']);
    for (const role of org.roles!) {
      expect(role.rol_id).toMatch(/^rol_[A-Za-z0-9]{3}_[0-9a-f]{16}$/);
      expect(role.permissions.length).toBeGreaterThanOrEqual(2);
    }
    const editorKeys = org.roles![1]!.permissions.map((p) => Object.keys(p)[0]);
    expect(editorKeys.filter((k) => k === 'posts')).toHaveLength(2);
    expect(Object.isFrozen(DEFAULT_SEED.organisations[0]!.roles)).toBe(true);
  });
});

describe('parseSeed', () => {
  const base = JSON.parse(JSON.stringify(DEFAULT_SEED)) as EmulatorSeed;
  const mutate = (f: (s: EmulatorSeed) => void): EmulatorSeed => {
    const copy = JSON.parse(JSON.stringify(base)) as EmulatorSeed;
    f(copy);
    return copy;
  };

  it('accepts the default seed and returns an equal copy', () => {
    expect(parseSeed(base)).toEqual(base);
  });

  it('rejects bad seeds with a TypeError naming the path, never the value', () => {
    const cases: [EmulatorSeed | unknown, RegExp][] = [
      [null, /at \$: expected an object/],
      [{ organisations: [] }, /at least one organisation/],
      [mutate((s) => (s.organisations[0]!.api_key = 'abc')), /organisations\[0\]\.api_key: expected 32 lowercase hex/],
      [mutate((s) => (s.organisations[0]!.org_id = 'X'.repeat(64))), /org_id: expected 64 lowercase hex/],
      [mutate((s) => (s.organisations[0]!.roles![1]!.rol_id = s.organisations[0]!.roles![0]!.rol_id)), /duplicate role id/],
      [mutate((s) => (s.organisations[0]!.users![0]!.roles = ['rol_abc_0000000000000000'])), /users\[0\]\.roles\[0\]: unknown role id/],
      [mutate((s) => (s.organisations[0]!.roles![0]!.permissions = [{ a: 'b', c: 'd' }])), /permissions\[0\]: expected exactly one key/],
      [mutate((s) => (s.organisations[0]!.users![1]!.email = 'ALICE@example.com')), /duplicate email/],
      [mutate((s) => (s.access_token_ttl_s = 0)), /access_token_ttl_s/],
      [mutate((s) => s.organisations.push({ ...s.organisations[0]! })), /duplicate org_id/],
    ];
    for (const [seed, message] of cases) {
      expect(() => parseSeed(seed)).toThrow(TypeError);
      expect(() => parseSeed(seed)).toThrow(message);
    }
    expect(() => createEmulator({ seed: { organisations: [] } })).toThrow(TypeError);
  });
});

describe('createEmulator (no socket)', () => {
  it('serves through a plain fetch handler, with state isolated per instance', async () => {
    const a = createEmulator({ allowedHosts: ['emulator.test'] });
    const b = createEmulator({ allowedHosts: ['emulator.test'] });
    expect(a.orgs).toEqual([{ ...DEV_CREDENTIALS, callback_url: 'http://localhost:3000/auth/callback' }]);
    const sk = await signKey(DEV_CREDENTIALS.api_key, DEV_CREDENTIALS.secret_key);
    const q = new URLSearchParams({ api_key: DEV_CREDENTIALS.api_key, signed_key: sk, org_id: DEV_CREDENTIALS.org_id });
    const created = await a.fetch(
      new Request(`http://emulator.test/rbac/role?${q}`, {
        method: 'POST',
        body: JSON.stringify({ org_id: DEV_CREDENTIALS.org_id, name: 'only-in-a', permissions: [] }),
      }),
    );
    expect(created.status).toBe(200);
    expect(created.headers.get('x-edge')).toBe('4');
    const listA = await a.fetch(new Request(`http://emulator.test/rbac/role?${q}`));
    const listB = await b.fetch(new Request(`http://emulator.test/rbac/role?${q}`));
    expect(((await listA.json()) as unknown[]).length).toBe(4);
    expect(((await listB.json()) as unknown[]).length).toBe(3);
    expect(listB.headers.get('x-edge')).toBe('3');
  });

  it('src/index.ts and everything outside src/node import no node: module', () => {
    const src = resolve(import.meta.dirname, '../src');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) {
          if (name !== 'node') walk(full);
        } else if (name.endsWith('.ts')) files.push(full);
      }
    };
    walk(src);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/from\s+["']node:|@hono\/node-server/);
  });
});

describe('seed with several organisations', () => {
  it('serves each organisation with its own keys, roles and X-EDGE; keys do not cross', async () => {
    const h = await startHarness({ organisations: [JSON.parse(JSON.stringify(DEFAULT_SEED.organisations[0])), SECOND_ORG] });
    try {
      const sk2 = await signKey(SECOND_ORG.api_key, SECOND_ORG.secret_key);
      const url = (orgId: string, apiKey = SECOND_ORG.api_key, signed = sk2) =>
        `${h.emu.url}/rbac/role?${new URLSearchParams({ org_id: orgId, api_key: apiKey, signed_key: signed })}`;
      const res = await fetch(url(SECOND_ORG.org_id));
      expect(res.status).toBe(200);
      expect(res.headers.get('x-edge')).toBe('1');
      expect(await res.json()).toEqual([{ org_id: SECOND_ORG.org_id, ...SECOND_ORG.roles[0] }]);
      expect((await fetch(url(DEV_CREDENTIALS.org_id))).status).toBe(403);
      expect((await fetch(url(SECOND_ORG.org_id, SECOND_ORG.api_key, h.signedKey))).status).toBe(403);
      const code = await h.control('/__emulator/login', { org_id: SECOND_ORG.org_id, email: 'zed@example.net' });
      const data = await fetch(
        `${h.emu.url}/api/user/me/auth/data?${new URLSearchParams({ api_key: SECOND_ORG.api_key, signed_key: sk2, UserToken: (code.json as { code: string }).code })}`,
      );
      expect(data.status).toBe(200);
      // A code of the second org is not valid for the first.
      const code2 = await h.control('/__emulator/login', { org_id: SECOND_ORG.org_id, email: 'zed@example.net' });
      const cross = await h.call('GET', '/api/user/me/auth/data', { query: { UserToken: (code2.json as { code: string }).code } });
      expect(cross.status).toBe(401);
    } finally {
      await h.stop();
    }
  });
});
