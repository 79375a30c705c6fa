// The session layer's options refuse a misspelt key (top level and in `cookies`), naming it
// and its near miss, before the client is used: the emulator sees no request.
import { AuthLiteClient, ConfigurationError } from '@authlite/core';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';
import { upstreamPaths } from '@authlite/test-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionLayer, type SessionOptions } from '../src/index.js';

let emulator: RunningEmulator;
let client: AuthLiteClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  client = new AuthLiteClient({ apiKey: emulator.api_key, secretKey: emulator.secret_key, orgId: emulator.org_id, baseUrl: emulator.url });
});
afterAll(() => emulator.stop());

function thrown(options: Record<string, unknown>): unknown {
  try {
    createSessionLayer({ client, routes: [{ path: '/app' }], ...options } as SessionOptions);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('createSessionLayer refuses unknown options', () => {
  it.each([
    [{ afterLogin: '/home' }, 'afterLogin', ' (did you mean "afterLoginPath"?)'],
    [{ sessioncachettl: 60 }, 'sessioncachettl', ' (did you mean "sessionCacheTtl"?)'],
    [{ cookie: { secure: true } }, 'cookie', ' (did you mean "cookies"?)'],
    [{ cookies: { Secure: true } }, 'Secure', ' (did you mean "secure"?)'],
    [{ cookies: { maxAge: 60, domain: 'example.com' } }, 'domain', ''],
  ])('%o', async (options, key, hint) => {
    const error = thrown(options);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).option).toBe(key);
    expect((error as Error).message).toBe(`Unknown option "${key}"${hint}`);
    expect(await upstreamPaths(emulator)).toEqual([]);
  });

  it('known options pass', () => {
    expect(thrown({ afterLoginPath: '/home', cookies: { secure: true, maxAge: 60 } })).toBeUndefined();
  });
});
