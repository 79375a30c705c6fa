import { DEFAULT_SEED } from '@authlite/emulator';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './emulator.js';

const second = {
  org_id: 'b'.repeat(64),
  api_key: `${'c'.repeat(32)}SECONDORGKEYSABCDEFG`,
  secret_key: 'd'.repeat(64),
  name: 'Second Org',
  callback_url: 'http://localhost:4000/callback',
  users: [],
  roles: [{ rol_id: 'rol_sec_0000000000000001', name: 'second-only', permissions: [{ vault: 'open' }] }],
};

const emu = useEmulator({
  seed: { ...DEFAULT_SEED, organisations: [...DEFAULT_SEED.organisations, second] } as typeof DEFAULT_SEED,
  resetEach: false,
});

describe('two clients, two organisations, one process', () => {
  it('never see each other roles (the Python client shares one class-level cache)', async () => {
    const first = emu.client();
    const other = emu.client({ apiKey: second.api_key, secretKey: second.secret_key, orgId: second.org_id });
    expect(await first.roles.countRoles()).toBe(3);
    expect(await other.roles.countRoles()).toBe(1);
    expect(await other.roles.validate('rol_sec_0000000000000001', 'vault', 'open')).toBe(true);
    expect(await first.roles.validate('rol_sec_0000000000000001', 'vault', 'open')).toBe(false);
    await other.roles.addRole('second-two', { vault: 'close' });
    expect(await first.roles.countRoles()).toBe(3);
    expect(await other.roles.countRoles()).toBe(2);
    expect(Object.keys(await first.roles.query()).some((id) => id.startsWith('rol_sec'))).toBe(false);
  });

  it('sign with their own keys: a client with the wrong secret is refused', async () => {
    const wrong = emu.client({ secretKey: second.secret_key });
    await expect(wrong.roles.countRoles()).rejects.toMatchObject({ code: 'ERR_HTTP' });
  });
});
