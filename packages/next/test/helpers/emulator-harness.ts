import { DEFAULT_SEED, type EmulatorSeed } from '@authlite/emulator';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';
import { expect } from 'vitest';

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

/** POST to the emulator's control API; asserts 200. */
export async function control(emulator: RunningEmulator, path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** The paths of the API requests the emulator received since its last reset (control routes excluded). */
export async function upstreamPaths(emulator: RunningEmulator): Promise<string[]> {
  const entries = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as Array<{ method: string; path: string }>;
  return entries.map((entry) => `${entry.method} ${entry.path}`);
}
