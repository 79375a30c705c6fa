import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthLiteError, type AuthLiteClient, type User } from '../src/index.js';
import { startTestEmulator, type TestEmulator } from './emulator.js';

let emu: TestEmulator;
let user: User;
beforeAll(async () => {
  emu = await startTestEmulator();
  user = await emu.client().getUser(await emu.login('alice@example.com'));
});
afterAll(() => emu.stop());

/** Every string view of a thrown value: message, stack, cause chain, own properties, JSON, inspect. */
function views(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: 10, showHidden: true })];
  let current: unknown = error;
  while (current instanceof Error) {
    parts.push(current.message, current.stack ?? '', JSON.stringify(current));
    for (const key of Object.getOwnPropertyNames(current)) parts.push(String((current as unknown as Record<string, unknown>)[key]));
    current = current.cause;
  }
  return parts.join('\n');
}

async function signedKeyOf(): Promise<string> {
  const url = new URL(await emu.client().generateEditUserUrl(user.access_token, 'http://localhost/x'));
  return url.searchParams.get('signed_key') ?? '';
}

describe('no secret in any error', () => {
  it('holds for HTTP errors, timeouts, network errors, bad answers and bad input', async () => {
    const signedKey = await signedKeyOf();
    expect(signedKey.split('.')).toHaveLength(3);
    const secrets = [emu.apiKey, emu.secretKey, signedKey, user.access_token, user.refresh_token];
    const slow = emu.client({ timeout: 50 });
    const paths: [string, (c: AuthLiteClient) => Promise<unknown>, Record<string, unknown>[]][] = [
      ['401 on refresh', (c) => c.getAccessTokenFromRefreshToken(user.access_token), []],
      ['500 echoing the token in detail', (c) => c.getUserData(user.access_token), [{ path: '/api/user/me/data', status: 500, body: JSON.stringify({ detail: `bad token ${user.access_token} key ${emu.apiKey}` }) }]],
      ['timeout', () => slow.validateAccessToken(user.access_token), [{ path: '/api/user/me/auth/validate/token', delay_ms: 400 }]],
      ['network', () => emu.client({ baseUrl: 'http://127.0.0.1:9' }).getUserData(user.access_token), []],
      ['not JSON', (c) => c.getAccessTokenFromRefreshToken(user.refresh_token), [{ path: '/api/user/me/access/token/', status: 200, body: '<html>' }]],
      ['forged answer', (c) => c.getUser(user.refresh_token), [{ path: '/api/user/me/auth/data', status: 200, body: JSON.stringify(user.access_token) }]],
      ['bad input', (c) => c.validateTokenSet(user.access_token, `${user.refresh_token} `), []],
      ['both invalid', (c) => c.validateTokenSet(`${user.access_token}x`, `${user.refresh_token}x`), []],
    ];
    for (const [name, call, faults] of paths) {
      await emu.faults(faults);
      const error = await call(emu.client()).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(AuthLiteError);
      const text = views(error);
      for (const secret of secrets) expect(text.includes(secret), `${name} leaks a secret`).toBe(false);
    }
  });

  it('the client object itself shows no credential', () => {
    const text = inspect(emu.client(), { depth: 10, showHidden: true }) + JSON.stringify(emu.client());
    expect(text.includes(emu.secretKey)).toBe(false);
    expect(text.includes(emu.apiKey)).toBe(false);
  });
});
