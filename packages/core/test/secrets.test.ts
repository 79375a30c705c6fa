import { readdirSync, readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthLiteClient, AuthLiteError, type User } from '../src/index.js';
import { closedPortUrl, startTestEmulator, type TestEmulator } from './emulator.js';

let emu: TestEmulator;
let user: User;
let secrets: string[];
const LOGIN_CODE = 'login-code-that-is-a-secret-too';
beforeAll(async () => {
  emu = await startTestEmulator();
  user = await emu.client().getUser(await emu.login('alice@example.com'));
  const url = new URL(
    await emu.client().generateEditUserUrl(user.access_token, 'http://localhost/x', { dangerouslyExposeOrgCredentials: true }),
  );
  const signedKey = url.searchParams.get('signed_key') ?? '';
  expect(signedKey.split('.')).toHaveLength(3);
  secrets = [emu.apiKey, emu.secretKey, signedKey, user.access_token, user.refresh_token, LOGIN_CODE];
});
afterAll(() => emu.stop());

/** Every string view of a thrown value: message, stack, cause chain, own properties, JSON, util.inspect. */
function views(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: 10, showHidden: true }), String(error)];
  let current: unknown = error;
  while (current instanceof Error) {
    parts.push(current.message, current.stack ?? '', JSON.stringify(current));
    for (const key of Object.getOwnPropertyNames(current))
      parts.push(inspect((current as unknown as Record<string, unknown>)[key], { depth: 5 }));
    current = current.cause;
  }
  return parts.join('\n');
}

type Path = [name: string, call: (c: AuthLiteClient) => Promise<unknown>, faults: Record<string, unknown>[]];

async function expectNoSecret([name, call, faults]: Path) {
  await emu.faults(faults);
  const error = await call(emu.client({ timeout: 300 })).catch((e: unknown) => e);
  expect(error, name).toBeInstanceOf(AuthLiteError);
  const text = views(error);
  for (const secret of secrets) expect(text.includes(secret), `${name} leaks a secret`).toBe(false);
}

const echo = () => JSON.stringify({ detail: `bad token ${user.access_token} key ${emu.apiKey} signed ${secrets[2]}` });

describe('no secret in any thrown error', () => {
  it('HTTP errors (with a detail that echoes secrets), timeouts, network errors, cut and malformed bodies', async () => {
    const closed = await closedPortUrl();
    const paths: Path[] = [
      ['401 refresh', (c) => c.getAccessTokenFromRefreshToken(user.access_token), []],
      ['login code refused', (c) => c.getUser(LOGIN_CODE), []],
      ...[400, 401, 403, 404, 408, 422, 429, 500, 502, 503, 504].map(
        (status): Path => [
          `${status} echoing secrets`,
          (c) => c.getUserData(user.access_token),
          [{ path: '/api/user/me/data', status, body: echo() }],
        ],
      ),
      [
        '500 on refresh',
        (c) => c.validateTokenSet(`${user.access_token}x`, user.refresh_token),
        [{ path: '/api/user/me/access/token/', status: 500, body: echo() }],
      ],
      ['timeout', (c) => c.validateAccessToken(user.access_token), [{ path: '/api/user/me/auth/validate/token', delay_ms: 600 }]],
      [
        'refresh timeout',
        (c) => c.getAccessTokenFromRefreshToken(user.refresh_token),
        [{ path: '/api/user/me/access/token/', delay_ms: 600 }],
      ],
      ['network', () => emu.client({ baseUrl: closed }).getUserData(user.access_token), []],
      [
        'body cut short',
        (c) => c.revokeToken({ refreshToken: user.refresh_token }),
        [{ path: '/api/user/me/token/', status: 200, body: echo(), truncate: true }],
      ],
      [
        'not JSON',
        (c) => c.getAccessTokenFromRefreshToken(user.refresh_token),
        [{ path: '/api/user/me/access/token/', status: 200, body: `<html>${user.access_token}` }],
      ],
      [
        'wrong shape',
        (c) => c.getAccessTokenFromRefreshToken(user.refresh_token),
        [{ path: '/api/user/me/access/token/', status: 200, body: JSON.stringify({ access_token: 5, leak: user.refresh_token }) }],
      ],
      ['both invalid', (c) => c.validateTokenSet(`${user.access_token}x`, `${user.refresh_token}x`), []],
      [
        'sign-off refused',
        (c) =>
          c.attachRole(user.uid, 'rol_vwr_00000000000000f1', {
            signoffSessionAndAssign: true,
            accessToken: user.refresh_token,
            refreshToken: user.access_token,
          }),
        [],
      ],
    ];
    for (const path of paths) await expectNoSecret(path);
  });

  it('every hostile signed answer of the corpus', async () => {
    const dir = new URL('./fixtures/hostile-answers/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const { body, expected } = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { body: string; expected: string | null };
      if (expected === null) continue;
      await expectNoSecret([file, (c) => c.getUser(LOGIN_CODE), [{ path: '/api/user/me/auth/data', status: 200, body }]]);
    }
  });

  it('every bad input, including a token with a space or over the length limit', async () => {
    const paths: Path[] = [
      ['token with a space', (c) => c.validateTokenSet(user.access_token, `${user.refresh_token} `), []],
      ['over-long token', (c) => c.getUserData(user.access_token.repeat(40)), []],
      ['revoke with both', (c) => c.revokeToken({ accessToken: user.access_token, refreshToken: user.refresh_token } as never), []],
      [
        'sign-off missing a token',
        (c) =>
          c.attachRole(user.uid, 'rol_vwr_00000000000000f1', { signoffSessionAndAssign: true, accessToken: user.access_token } as never),
        [],
      ],
      [
        'bad callback',
        (c) => c.generateEditUserUrl(user.access_token, `ftp://${user.refresh_token}`, { dangerouslyExposeOrgCredentials: true }),
        [],
      ],
      ['bad role id', (c) => c.roles.deleteRole(user.access_token), []],
    ];
    for (const path of paths) await expectNoSecret(path);
  });

  it('the client object itself shows no credential', () => {
    const client = emu.client();
    const text = inspect(client, { depth: 10, showHidden: true }) + JSON.stringify(client) + Object.keys(client).join();
    for (const secret of secrets.slice(0, 2)) expect(text.includes(secret)).toBe(false);
  });
});
