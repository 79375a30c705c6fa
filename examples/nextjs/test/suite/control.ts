import { expect, inject } from 'vitest';

/** POST to the emulator's control API; asserts 200. */
export async function control(path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${inject('emulator').url}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** The login widget URL the app redirects to. */
export function widgetUrl(): string {
  const emulator = inject('emulator');
  return `${emulator.widget_url}?org_id=${emulator.org_id}`;
}

/** The API requests the emulator received since its last reset, as `METHOD /path`. */
export async function upstreamPaths(): Promise<string[]> {
  const entries = (await (await fetch(`${inject('emulator').url}/__emulator/requests`)).json()) as Array<{ method: string; path: string }>;
  return entries.map((entry) => `${entry.method} ${entry.path}`);
}
