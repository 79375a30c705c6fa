import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError } from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator();
const { admin } = DEFAULT_ROLE_IDS;

// roles.validate skips the schemas for a role id it has already found well-formed: each
// argument must still be checked on every call, whatever the calls before it.
describe('roles.validate hot path', () => {
  it('after a well-formed role id was seen, a bad key, value or role id is still a ValidationError naming it', async () => {
    const client = emu.client();
    expect(await client.roles.validate(admin, 'billing', 'write')).toBe(true);
    const requestsBefore = (await emu.requests()).length;
    await expect(client.roles.validate(admin, '', 'write')).rejects.toMatchObject({ field: 'permissionKey' });
    await expect(client.roles.validate(admin, 'billing', '')).rejects.toMatchObject({ field: 'permissionValue' });
    await expect(client.roles.validate(admin, 'billing', 'x'.repeat(257))).rejects.toMatchObject({ field: 'permissionValue' });
    await expect(client.roles.validate(`${admin}0`, 'billing', 'write')).rejects.toMatchObject({ field: 'roleId' });
    await expect(client.roles.validate(admin.toUpperCase(), 'billing', 'write')).rejects.toMatchObject({ field: 'roleId' });
    await expect(client.roles.validate(1 as unknown as string, 'billing', 'write')).rejects.toBeInstanceOf(ValidationError);
    // A bad argument rejects (never throws synchronously) and sends nothing.
    const pending = client.roles.validate(admin, 1 as unknown as string, 'write');
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toMatchObject({ field: 'permissionKey' });
    expect((await emu.requests()).length).toBe(requestsBefore);
    expect(await client.roles.validate(admin, 'billing', 'write')).toBe(true);
  });

  it('well-formed role ids past the remembered 1024 are still answered and still checked', async () => {
    const client = emu.client();
    for (let i = 0; i < 1100; i++) {
      const unknown = `rol_abc_${i.toString(16).padStart(16, '0')}`;
      expect(await client.roles.validate(unknown, 'billing', 'write')).toBe(false);
    }
    expect(await client.roles.validate(admin, 'billing', 'write')).toBe(true);
    await expect(client.roles.validate('rol_abc_0', 'billing', 'write')).rejects.toMatchObject({ field: 'roleId' });
  });

  it('without an orgId it rejects with the ConfigurationError, after the arguments are checked', async () => {
    const client = emu.client({ orgId: undefined });
    await expect(client.roles.validate(admin, 'billing', 'write')).rejects.toBeInstanceOf(ConfigurationError);
    await expect(client.roles.validate('bad', 'billing', 'write')).rejects.toMatchObject({ field: 'roleId' });
  });
});
