import { DEFAULT_ROLE_IDS, DEFAULT_SEED } from '@authlite/emulator';
import { MemoryRoleStore } from '@authlite/store-memory';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_VERSION, snapshotKey } from '../src/entries/store.js';
import type { Role } from '../src/index.js';
import { useEmulator } from './emulator.js';

// Access tokens that live 50 s, as in issue 10's example.
const emu = useEmulator({ seed: { ...DEFAULT_SEED, access_token_ttl_s: 50 } });

/** The host's clock, `aheadS` seconds fast. */
const hostAhead = (aheadS: number) => ({ nowMs: () => Date.now() + aheadS * 1000 });

describe('one clock, the service one, estimated from its answers', () => {
  it('the SDK host 60 s fast with 50 s access tokens: login and user data work', async () => {
    const client = emu.client({ clock: hostAhead(60) });
    // The answer's own Date header tells the client how far off its clock is, before the signed answer is judged.
    const user = await client.getUser(await emu.login('alice@example.com'));
    expect(user.email).toBe('alice@example.com');
    expect((await client.getUserData(user.access_token)).email).toBe('alice@example.com');
  });

  it('a role snapshot from a writer whose clock ran fast (fetchedAt 10 minutes ahead) is not trusted', async () => {
    const store = new MemoryRoleStore();
    const roles: Role[] = [{ org_id: emu.orgId, rol_id: DEFAULT_ROLE_IDS.admin, name: 'planted', permissions: [{ planted: 'yes' }] }];
    store.set(snapshotKey(emu.orgId), { v: SNAPSHOT_VERSION, orgId: emu.orgId, roles, edge: 3, fetchedAt: Date.now() / 1000 + 600 });
    const client = emu.client({ roleStore: store, maxAge: 300 });
    expect(await client.roles.validate(DEFAULT_ROLE_IDS.admin, 'planted', 'yes')).toBe(false);
    expect((await emu.requests()).filter((r) => r.path === '/rbac/role')).toHaveLength(1);
  });
});

describe('Retry-After dates on the service clock', () => {
  it("are read against the answer's own Date header, not the host's clock", async () => {
    const { retryAfterMs } = await import('../src/transport/retry-policy.js');
    const serviceNow = Date.UTC(2030, 0, 1, 12, 0, 0);
    const headers = new Headers({ date: new Date(serviceNow).toUTCString(), 'retry-after': new Date(serviceNow + 3_000).toUTCString() });
    expect(retryAfterMs(headers, { nowMs: () => 0 })).toBe(3_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }), { nowMs: () => 0 })).toBe(7_000);
  });
});
