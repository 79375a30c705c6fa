import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { startEmulator } from '@authlite/emulator/node';
import type { ScenarioConfig } from '../scenario/types.js';
import { closedPortUrl, startDecoy } from './decoy.js';

/** A host that never resolves (RFC 6761 reserves `.invalid`). */
export const UNRESOLVABLE_URL = 'https://authlite-matrix.invalid';

/** A seeded user with the admin role (the emulator's default seed). */
export const SEEDED_ADMIN = { email: 'alice@example.com', uid: 'a11ce000000000000000000000000001' };

/** An emulator on a free loopback port, and the scenario config that points at it. */
export interface MatrixEmulator {
  config: ScenarioConfig;
  /** Requests that reached the decoy (the redirect target). */
  decoyRequests(): number;
  stop(): Promise<void>;
}

/** Starts a fresh emulator (default seed) for one runtime's run. */
export async function startMatrixEmulator(): Promise<MatrixEmulator> {
  const emulator = await startEmulator({ port: 0 });
  const decoy = await startDecoy();
  return {
    config: {
      baseUrl: emulator.url,
      orgId: emulator.org_id,
      apiKey: emulator.api_key,
      secretKey: emulator.secret_key,
      roles: { ...DEFAULT_ROLE_IDS },
      user: SEEDED_ADMIN,
      decoyUrl: decoy.url,
      // https to the emulator's plain-http port: the TLS handshake fails.
      unreachable: { refused: await closedPortUrl(), dns: UNRESOLVABLE_URL, tls: emulator.url.replace('http:', 'https:') },
    },
    decoyRequests: () => decoy.requests(),
    stop: async () => {
      await decoy.stop();
      await emulator.stop();
    },
  };
}
