import { CompactSign, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidSignedAnswerError } from '../src/index.js';
import { startTestEmulator, type TestEmulator } from './emulator.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

const b64url = (value: string) => btoa(value).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const now = () => Math.floor(Date.now() / 1000);

function userClaims(overrides: Record<string, unknown> = {}) {
  return {
    iss: 'https://api.trustauthx.com',
    jti: 'j1',
    access_token: 'at',
    refresh_token: 'rt',
    type: 'bearer',
    exp: now() + 3600,
    refresh_exp: now() + 86400,
    iat: now(),
    scope: '["openid"]',
    img: '',
    name: 'Mallory',
    sub: JSON.stringify({ email: 'mallory@example.com', uid: 'u-mallory' }),
    ...overrides,
  };
}

const sign = (claims: object, key: string) =>
  new SignJWT(claims as Record<string, unknown>).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(key));

async function answerWith(token: string) {
  await emu.faults([{ path: '/api/user/me/auth/data', status: 200, body: JSON.stringify(token) }]);
  return emu
    .client()
    .getUser('any-code')
    .then(
      (user) => ({ user }),
      (error: unknown) => ({ error }),
    );
}

describe('signed answers', () => {
  it('accepts a well-formed answer signed with the secret key (the corpus is not vacuous)', async () => {
    const result = await answerWith(await sign(userClaims(), emu.secretKey));
    expect(result).toHaveProperty('user.email', 'mallory@example.com');
  });

  const cases: [string, () => Promise<string>][] = [
    ['a signature made with another key', () => sign(userClaims(), 'not-the-secret-key-0123456789')],
    ['alg: none', async () => `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify(userClaims()))}.`],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await sign(userClaims(), emu.secretKey)).split('.');
        return `${h}.${b64url(JSON.stringify(userClaims({ name: 'Admin' })))}.${s}`;
      },
    ],
    ['an expired exp', () => sign(userClaims({ exp: now() - 120 }), emu.secretKey)],
    ['a sub that is not JSON', () => sign(userClaims({ sub: 'not json' }), emu.secretKey)],
    ['a sub without uid', () => sign(userClaims({ sub: JSON.stringify({ email: 'x@example.com' }) }), emu.secretKey)],
    ['a scope that is not a JSON list', () => sign(userClaims({ scope: 'openid' }), emu.secretKey)],
    [
      'a payload that is not JSON',
      () => new CompactSign(new TextEncoder().encode('not json')).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(emu.secretKey)),
    ],
    ['not a JWS at all', async () => 'hello'],
  ];

  for (const [name, make] of cases) {
    it(`rejects ${name} and returns no claim`, async () => {
      const result = await answerWith(await make());
      expect(result).not.toHaveProperty('user');
      expect((result as { error: unknown }).error).toBeInstanceOf(InvalidSignedAnswerError);
      expect((result as { error: InvalidSignedAnswerError }).error.code).toBe('ERR_INVALID_SIGNED_ANSWER');
    });
  }

  it('rejects a JSON object where a signed JWS string is due', async () => {
    await emu.faults([{ path: '/api/user/me/auth/data', status: 200, body: JSON.stringify(userClaims()) }]);
    await expect(emu.client().getUser('any-code')).rejects.toBeInstanceOf(InvalidSignedAnswerError);
  });
});
