import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { startEmulator } from '@authlite/emulator/node';
import type { ScenarioConfig } from '../scenario/types.js';

/** A seeded user with the admin role (the emulator's default seed). */
export const SEEDED_ADMIN = { email: 'alice@example.com', uid: 'a11ce000000000000000000000000001' };

/** An emulator on a free loopback port, and the scenario config that points at it. */
export interface MatrixEmulator {
  config: ScenarioConfig;
  stop(): Promise<void>;
}

/** Starts a fresh emulator (default seed) for one runtime's run. */
export async function startMatrixEmulator(): Promise<MatrixEmulator> {
  const emulator = await startEmulator({ port: 0 });
  return {
    config: {
      baseUrl: emulator.url,
      orgId: emulator.org_id,
      apiKey: emulator.api_key,
      secretKey: emulator.secret_key,
      roles: { ...DEFAULT_ROLE_IDS },
      user: SEEDED_ADMIN,
    },
    stop: () => emulator.stop(),
  };
}
