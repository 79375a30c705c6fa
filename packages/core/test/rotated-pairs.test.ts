import { describe, expect, it } from 'vitest';
import { type HttpError, TokenSetInvalidError, type User } from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator();
const REFRESH = '/api/user/me/access/token/';
const refreshes = async () => (await emu.requests()).filter((r) => r.path === REFRESH);

async function loggedIn(): Promise<User> {
  return emu.client().getUser(await emu.login('alice@example.com'));
}

/** A clock the test moves: milliseconds since the epoch. */
function manualClock() {
  let nowMs = Date.now();
  return { nowMs: () => nowMs, advanceS: (s: number) => (nowMs += s * 1000) };
}

describe('the rotated-pair record (refresh token rotation within the grace period)', () => {
  it('two tabs: the second refresh with the same token gets the same pair, with no request', async () => {
    const user = await loggedIn();
    const client = emu.client();
    const first = await client.getAccessTokenFromRefreshToken(user.refresh_token);
    const second = await client.getAccessTokenFromRefreshToken(user.refresh_token);
    expect(second).toEqual(first);
    expect((await refreshes()).map((r) => r.status)).toEqual([200]);
  });

  it('validateTokenSet in two tabs after expiry: both get the same new pair, one refresh', async () => {
    const user = await loggedIn();
    const client = emu.client();
    await emu.advance(3601);
    const a = await client.validateTokenSet(user.access_token, user.refresh_token);
    const b = await client.validateTokenSet(user.access_token, user.refresh_token);
    expect(b).toEqual(a);
    expect(a.state).toBe(false);
    expect((await refreshes()).length).toBe(1);
  });

  it('past refreshGracePeriod (on the SDK clock) the used token is refused', async () => {
    const user = await loggedIn();
    const clock = manualClock();
    const client = emu.client({ clock, refreshGracePeriod: 10 });
    await client.getAccessTokenFromRefreshToken(user.refresh_token);
    clock.advanceS(9);
    await expect(client.getAccessTokenFromRefreshToken(user.refresh_token)).resolves.toHaveProperty('access_token');
    clock.advanceS(1);
    const refused = await client.getAccessTokenFromRefreshToken(user.refresh_token).catch((e: unknown) => e);
    expect((refused as HttpError).status).toBe(401);
    expect((await refreshes()).map((r) => r.status)).toEqual([200, 401]);
  });

  it('refreshGracePeriod: 0 turns the record off', async () => {
    const user = await loggedIn();
    const client = emu.client({ refreshGracePeriod: 0 });
    await client.getAccessTokenFromRefreshToken(user.refresh_token);
    await expect(client.validateTokenSet('expired-access', user.refresh_token)).rejects.toBeInstanceOf(TokenSetInvalidError);
  });

  it('revoking the used or the new refresh token through the client forgets the rotation', async () => {
    const user = await loggedIn();
    const client = emu.client();
    const pair = await client.getAccessTokenFromRefreshToken(user.refresh_token);
    await client.revokeToken({ refreshToken: pair.refresh_token });
    const after = await client.getAccessTokenFromRefreshToken(user.refresh_token).catch((e: unknown) => e);
    expect((after as HttpError).status).toBe(401);

    const other = await loggedIn();
    await client.getAccessTokenFromRefreshToken(other.refresh_token);
    await client.revokeToken({ refreshToken: other.refresh_token });
    const revoked = await client.getAccessTokenFromRefreshToken(other.refresh_token).catch((e: unknown) => e);
    expect((revoked as HttpError).status).toBe(401);
  });

  it('rejects a bad refreshGracePeriod at construction', () => {
    expect(() => emu.client({ refreshGracePeriod: 301 })).toThrow(/Invalid option "refreshGracePeriod"/);
    expect(() => emu.client({ refreshGracePeriod: -1 })).toThrow(/Invalid option "refreshGracePeriod"/);
  });
});
