/** What the helpers need of a running emulator: its base URL. */
export interface EmulatorAddress {
  url: string;
}

/** What {@link clientOptionsFor} reads of a running emulator: its address and the organisation it serves. */
export interface EmulatorCredentials extends EmulatorAddress {
  api_key: string;
  secret_key: string;
  org_id: string;
  widget_url: string;
}

/** The `AuthLiteClient` options that talk to `emulator` (its keys, organisation, API and widget URLs). */
export function clientOptionsFor(emulator: EmulatorCredentials): {
  apiKey: string;
  secretKey: string;
  orgId: string;
  baseUrl: string;
  widgetUrl: string;
} {
  return {
    apiKey: emulator.api_key,
    secretKey: emulator.secret_key,
    orgId: emulator.org_id,
    baseUrl: emulator.url,
    widgetUrl: emulator.widget_url,
  };
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
