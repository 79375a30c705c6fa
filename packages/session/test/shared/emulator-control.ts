// The emulator's control API as the helpers' test suites use it (one copy for session, next and hono).
import type { RunningEmulator } from '@authlite/emulator/node';
import { expect } from 'vitest';

/** POST to the emulator's control API (`/__emulator/<path>`); asserts 200. */
export async function control(emulator: RunningEmulator, path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** `METHOD /path` of each API request the emulator received since its last reset. */
export async function upstreamPaths(emulator: RunningEmulator): Promise<string[]> {
  const entries = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as Array<{ method: string; path: string }>;
  return entries.map((entry) => `${entry.method} ${entry.path}`);
}
