import { AuthLiteClient, type RoleStore } from '@authlite/core';
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { expect } from 'vitest';
import { startConformanceEmulator } from './start-emulator.js';

/**
 * Asserts that a client over `store`, a store whose every call fails, still answers from the
 * API: a permission check and the role count come from `GET /rbac/role` on a conformance
 * emulator started (and stopped) for the purpose. Each adapter's test first asserts how its
 * own failure surfaces (the error of its backend), then calls this.
 */
export async function expectClientToAnswerDespite(store: RoleStore): Promise<void> {
  const emulator = await startConformanceEmulator();
  try {
    const { main } = emulator.config.orgs;
    const client = new AuthLiteClient({
      apiKey: main.apiKey,
      secretKey: main.secretKey,
      orgId: main.orgId,
      baseUrl: emulator.config.emulatorUrl,
      roleStore: store,
    });
    expect(await client.roles.validate(DEFAULT_ROLE_IDS.admin, 'billing', 'write')).toBe(true);
    expect(await client.roles.countRoles()).toBe(3);
  } finally {
    await emulator.stop();
  }
}
