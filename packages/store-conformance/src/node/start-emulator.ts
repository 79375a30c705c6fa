import { startEmulator } from '@authlite/emulator/node';
import { CONFORMANCE_ORGS, CONFORMANCE_SEED } from '../seed.js';
import type { ConformanceConfig } from '../types.js';

/** A running conformance emulator and the suite's configuration for it. */
export interface ConformanceEmulator {
  config: ConformanceConfig;
  stop(): Promise<void>;
}

/**
 * Starts the emulator on a free loopback port with the conformance seed (the default
 * organisation and a second one) and returns the suite's configuration: plain JSON to hand to
 * any runtime. `runId` is unique per call, so runs never share store data.
 */
export async function startConformanceEmulator(extra: Partial<ConformanceConfig> = {}): Promise<ConformanceEmulator> {
  const emulator = await startEmulator({ port: 0, seed: CONFORMANCE_SEED });
  const config: ConformanceConfig = {
    emulatorUrl: emulator.url,
    orgs: CONFORMANCE_ORGS,
    runId: `run${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
    ...extra,
  };
  return { config, stop: () => emulator.stop() };
}
