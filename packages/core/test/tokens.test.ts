import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError, TokenSetInvalidError, type User, ValidationError } from '../src/index.js';
import { closedPortUrl, useEmulator } from './emulator.js';

const emu = useEmulator();

async function loggedIn(email = 'alice@example.com'): Promise<User> {
  return emu.client().getUser(await emu.login(email));
}

describe('validateAccessToken', () => {
  it('is true for a fresh token and false once it expired (3600 s)', async () => {
    const user = await loggedIn();
    const client = emu.client();
    expect(await client.validateAccessToken(user.access_token)).toBe(true);
    await emu.advance(3601);
    expect(await client.validateAccessToken(user.access_token)).toBe(false);
  });

  it('is false for an unknown token', async () => {
    expect(await emu.client().validateAccessToken('not-a-token')).toBe(false);
  });

  it('throws on a 5xx instead of answering false', async () => {
    const user = await loggedIn();
    await emu.faults([{ path: '/api/user/me/auth/validate/token', status: 500, body: '{"detail":"boom"}' }]);
    const error = await emu
      .client()
      .validateAccessToken(user.access_token)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(500);
    expect((error as HttpError).detail).toBe('boom');
  });

  it('throws a NetworkError when nothing listens', async () => {
    const client = emu.client({ baseUrl: await closedPortUrl() });
    const error = await client.validateAccessToken('abc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('ERR_NETWORK');
  });
});

describe('getAccessTokenFromRefreshToken', () => {
  it('rotates: the new pair works, the used refresh token is refused (by another client, or past the grace period)', async () => {
    const user = await loggedIn();
    let nowMs = Date.now();
    const client = emu.client({ clock: { nowMs: () => nowMs } });
    const pair = await client.getAccessTokenFromRefreshToken(user.refresh_token);
    expect(pair.access_token).not.toBe(user.access_token);
    expect(pair.refresh_token).not.toBe(user.refresh_token);
    expect(await client.validateAccessToken(pair.access_token)).toBe(true);
    const elsewhere = await emu
      .client()
      .getAccessTokenFromRefreshToken(user.refresh_token)
      .catch((e: unknown) => e);
    expect((elsewhere as HttpError).status).toBe(401);
    nowMs += 30_000;
    const reused = await client.getAccessTokenFromRefreshToken(user.refresh_token).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(HttpError);
    expect((reused as HttpError).status).toBe(401);
    expect(await client.getAccessTokenFromRefreshToken(pair.refresh_token)).toHaveProperty('access_token');
  });
});

describe('validateTokenSet', () => {
  it('returns state true and the same tokens while the access token is valid', async () => {
    const user = await loggedIn();
    expect(await emu.client().validateTokenSet(user.access_token, user.refresh_token)).toEqual({
      state: true,
      access: user.access_token,
      refresh: user.refresh_token,
    });
  });

  it('refreshes an expired access token: state false and a new working pair', async () => {
    const user = await loggedIn();
    await emu.advance(3601);
    const client = emu.client();
    const check = await client.validateTokenSet(user.access_token, user.refresh_token);
    expect(check.state).toBe(false);
    expect(check.access).not.toBe(user.access_token);
    expect(check.refresh).not.toBe(user.refresh_token);
    expect(await client.validateAccessToken(check.access)).toBe(true);
  });

  it('throws TokenSetInvalidError when both tokens are invalid', async () => {
    const user = await loggedIn();
    await emu.advance(31 * 24 * 3600);
    const error = await emu
      .client()
      .validateTokenSet(user.access_token, user.refresh_token)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenSetInvalidError);
    expect((error as TokenSetInvalidError).code).toBe('ERR_TOKEN_SET_INVALID');
  });

  it('does not turn a 5xx into "both tokens are invalid" (the Python defect)', async () => {
    const user = await loggedIn();
    await emu.advance(3601);
    await emu.faults([{ path: '/api/user/me/access/token/', status: 503 }]);
    const error = await emu
      .client()
      .validateTokenSet(user.access_token, user.refresh_token)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
  });
});

describe('revokeToken', () => {
  it('revokes one access token only', async () => {
    const a = await loggedIn();
    const b = await loggedIn();
    const client = emu.client();
    expect(await client.revokeToken({ accessToken: a.access_token })).toBe(true);
    expect(await client.validateAccessToken(a.access_token)).toBe(false);
    expect(await client.validateAccessToken(b.access_token)).toBe(true);
  });

  it('revokes by refresh token (the vendor TS client cannot)', async () => {
    const user = await loggedIn();
    const client = emu.client();
    expect(await client.revokeToken({ refreshToken: user.refresh_token })).toBe(true);
    await expect(client.getAccessTokenFromRefreshToken(user.refresh_token)).rejects.toBeInstanceOf(HttpError);
  });

  it('revokes every token of the user with revokeAllTokens', async () => {
    const a = await loggedIn();
    const b = await loggedIn();
    const other = await loggedIn('bob@example.com');
    const client = emu.client();
    expect(await client.revokeToken({ accessToken: a.access_token }, { revokeAllTokens: true })).toBe(true);
    expect(await client.validateAccessToken(a.access_token)).toBe(false);
    expect(await client.validateAccessToken(b.access_token)).toBe(false);
    await expect(client.getAccessTokenFromRefreshToken(b.refresh_token)).rejects.toBeInstanceOf(HttpError);
    expect(await client.validateAccessToken(other.access_token)).toBe(true);
  });

  it('needs exactly one of the two tokens', async () => {
    const client = emu.client();
    await expect(client.revokeToken({} as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(client.revokeToken({ accessToken: 'a', refreshToken: 'b' } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(await emu.requests()).toEqual([]);
  });
});
