import type { EmulatorSeed } from '@authlite/emulator';
import { startEmulator } from '@authlite/emulator/node';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { AuthLiteClient, type AuthLiteClientOptions } from '../src/index.js';

/** A running emulator over real HTTP on loopback, with its control API and a client factory. */
export interface TestEmulator {
  url: string;
  orgId: string;
  apiKey: string;
  secretKey: string;
  widgetUrl: string;
  client(options?: Partial<AuthLiteClientOptions>): AuthLiteClient;
  login(email: string, orgId?: string): Promise<string>;
  reauthCode(accessToken: string, changes?: { name?: string; img?: string }): Promise<string>;
  advance(seconds: number): Promise<number>;
  faults(rules: Record<string, unknown>[], seed?: number): Promise<void>;
  reset(): Promise<void>;
  requests(): Promise<{ method: string; path: string; query: string[]; status: number }[]>;
  stop(): Promise<void>;
}

async function control<T>(url: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Starts an emulator on a free port. */
export async function startTestEmulator(seed?: EmulatorSeed): Promise<TestEmulator> {
  const emu = await startEmulator(seed ? { port: 0, seed } : { port: 0 });
  const { url } = emu;
  return {
    url,
    orgId: emu.org_id,
    apiKey: emu.api_key,
    secretKey: emu.secret_key,
    widgetUrl: emu.widget_url,
    client: (options) =>
      new AuthLiteClient({
        apiKey: emu.api_key,
        secretKey: emu.secret_key,
        orgId: emu.org_id,
        baseUrl: url,
        widgetUrl: emu.widget_url,
        ...options,
      }),
    login: async (email, orgId = emu.org_id) => (await control<{ code: string }>(url, 'POST', 'login', { org_id: orgId, email })).code,
    reauthCode: async (accessToken, changes = {}) =>
      (await control<{ code: string }>(url, 'POST', 'reauth', { org_id: emu.org_id, access_token: accessToken, ...changes })).code,
    advance: async (seconds) => (await control<{ now: number }>(url, 'POST', 'clock', { advance_s: seconds })).now,
    faults: async (rules, seed) => {
      await control(url, 'POST', 'faults', seed === undefined ? { rules } : { rules, seed });
    },
    reset: async () => {
      await control(url, 'POST', 'reset');
    },
    requests: () => control(url, 'GET', 'requests'),
    stop: () => emu.stop(),
  };
}

/** A loopback URL where nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * One emulator for the whole test file: started before the first test, stopped after the
 * last, and (unless `resetEach` is false) reset to the seed before each test.
 */
export function useEmulator(options: { seed?: EmulatorSeed; resetEach?: boolean } = {}): TestEmulator {
  const emu = {} as TestEmulator;
  beforeAll(async () => {
    Object.assign(emu, await startTestEmulator(options.seed));
  });
  afterAll(() => emu.stop());
  if (options.resetEach !== false) beforeEach(() => emu.reset());
  return emu;
}
