import { describe, expect, it } from 'vitest';
import { type HttpError, TokenSetInvalidError, withTokenSet } from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator();
const REFRESH = '/api/user/me/access/token/';

describe('withTokenSet: a token that ends between the check and its use', () => {
  it('a 401 right after a positive check: refreshes once and uses the new access token', async () => {
    const client = emu.client();
    const user = await client.getUser(await emu.login('alice@example.com'));
    const used: string[] = [];
    const result = await withTokenSet(client, user.access_token, user.refresh_token, async (access) => {
      used.push(access);
      // The token is revoked elsewhere right after the check succeeded.
      if (used.length === 1) await emu.client().revokeToken({ accessToken: access });
      return client.getUserData(access);
    });
    expect(result.value.email).toBe('alice@example.com');
    expect(result.tokens.state).toBe(false);
    expect(used).toEqual([user.access_token, result.tokens.access]);
    expect((await emu.requests()).filter((r) => r.path === REFRESH).map((r) => r.status)).toEqual([200]);
  });

  it('the refresh refused too: TokenSetInvalidError (log in again), never a 503', async () => {
    const client = emu.client();
    const user = await client.getUser(await emu.login('alice@example.com'));
    const error = await withTokenSet(client, user.access_token, user.refresh_token, async (access) => {
      await emu.client().revokeToken({ accessToken: access }, { revokeAllTokens: true });
      return client.getUserData(access);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenSetInvalidError);
    expect((error as TokenSetInvalidError).code).toBe('ERR_TOKEN_SET_INVALID');
  });

  it('a failure that is not 401 is thrown as it is, with no refresh', async () => {
    const client = emu.client();
    const user = await client.getUser(await emu.login('alice@example.com'));
    await emu.faults([{ path: '/api/user/me/data', status: 503 }]);
    const error = await withTokenSet(client, user.access_token, user.refresh_token, (access) => client.getUserData(access)).catch(
      (e: unknown) => e,
    );
    expect((error as HttpError).status).toBe(503);
    expect((await emu.requests()).filter((r) => r.path === REFRESH)).toHaveLength(0);
  });
});
