import { DEFAULT_SEED, type EmulatorSeed } from '@authlite/emulator';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';

/** The app origin the tests speak for; the emulator's callback points at it. */
export const APP = 'http://localhost:3000';

/** The default seed with the callback on {@link APP} and, optionally, more users and roles. */
export function seedWith(edit?: (seed: EmulatorSeed) => void): EmulatorSeed {
  const seed = structuredClone(DEFAULT_SEED) as EmulatorSeed;
  const org = seed.organisations[0];
  if (!org) throw new Error('the default seed has no organisation');
  org.callback_url = `${APP}/auth/callback`;
  edit?.(seed);
  return seed;
}

export async function startTestEmulator(seed = seedWith()): Promise<RunningEmulator> {
  return startEmulator({ port: 0, seed });
}

export { control, upstreamPaths } from '@authlite/test-helpers';
