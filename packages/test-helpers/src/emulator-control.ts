/** What the helpers need of a running emulator: its base URL. */
export interface EmulatorAddress {
  url: string;
}

/**
 * POSTs `body` to the emulator's control API (`/__emulator/<path>`).
 * @throws Error with the status and answer when the emulator does not answer 200.
 */
export async function control(emulator: EmulatorAddress, path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`control ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** `METHOD /path` of each API request the emulator received since its last reset. */
export async function upstreamPaths(emulator: EmulatorAddress): Promise<string[]> {
  const entries = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as Array<{ method: string; path: string }>;
  return entries.map((entry) => `${entry.method} ${entry.path}`);
}
