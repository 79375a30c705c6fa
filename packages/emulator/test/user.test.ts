import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { ALICE, ROLE, useHarness, verifyAnswer } from './helpers.js';

const h = useHarness();

async function loginCode(email = ALICE.email): Promise<string> {
  const res = await h.control('/__emulator/login', { org_id: h.emu.org_id, email });
  expect(res.status).toBe(200);
  const { code } = res.json as { code: string };
  expect(code).toMatch(/^[0-9a-f]{40}$/);
  return code;
}

const authData = (code: string) => h.call('GET', '/api/user/me/auth/data', { query: { UserToken: code } });
const reauthToken = (code: string) => h.call('GET', '/api/user/me/widget/re-auth/token', { query: { code } });

describe('GET /api/user/me/auth/data', () => {
  it('answers a JSON string: a JWS signed with the secret key, with the exact claim shapes', async () => {
    const started = ((await h.control('/__emulator/clock', { advance_s: 0 })).json as { now: number }).now;
    const res = await authData(await loginCode());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(typeof res.json).toBe('string');
    expect(decodeProtectedHeader(res.json as string)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = await verifyAnswer(res.json, h.emu.secret_key);
    expect(Object.keys(claims).sort()).toEqual(
      ['access_token', 'exp', 'iat', 'img', 'iss', 'jti', 'name', 'refresh_exp', 'refresh_token', 'scope', 'sub', 'type'].sort(),
    );
    expect(claims.iss).toBe(h.emu.url);
    expect(claims.type).toBe('bearer');
    expect(claims.name).toBe('Alice Example');
    expect(claims['img']).toBe('https://example.com/avatars/alice.png');
    expect(typeof claims.scope).toBe('string');
    expect(JSON.parse(claims['scope'] as string)).toEqual(['openid', 'email', 'profile']);
    expect(typeof claims.sub).toBe('string');
    expect(JSON.parse(claims.sub as string)).toEqual({ email: ALICE.email, uid: ALICE.uid });
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect((claims['refresh_exp'] as number) - claims.iat!).toBe(30 * 24 * 3600);
    // Issued on the emulator's clock (in this process, the host's): at or before its now after the answer.
    const emulatorNow = ((await h.control('/__emulator/clock', { advance_s: 0 })).json as { now: number }).now;
    expect(claims.iat).toBeLessThanOrEqual(emulatorNow);
    expect(claims.iat).toBeGreaterThanOrEqual(started);
    expect(claims.jti).toMatch(/^[0-9a-f]{32}$/);
    expect(claims.aud).toBeUndefined();
    expect(claims['access_token']).not.toBe(claims['refresh_token']);
    expect(await h.validate(claims['access_token'] as string)).toBe(200);
  });

  it("is signed with this org's secret only", async () => {
    const res = await authData(await loginCode());
    await expect(verifyAnswer(res.json, '0'.repeat(64))).rejects.toThrow(/signature/);
  });

  it('consumes the code: a second use answers 401', async () => {
    const code = await loginCode();
    expect((await authData(code)).status).toBe(200);
    const again = await authData(code);
    expect(again.status).toBe(401);
    expect(again.json).toEqual({ detail: 'Invalid, used or expired login code' });
  });

  it('expires codes after 300 s of emulator time', async () => {
    const fresh = await loginCode();
    const stale = await loginCode();
    // A margin of a few seconds: real time also moves while the test runs.
    await h.control('/__emulator/clock', { advance_s: 295 });
    expect((await authData(fresh)).status).toBe(200);
    await h.control('/__emulator/clock', { advance_s: 6 });
    expect((await authData(stale)).status).toBe(401);
  });

  it('does not accept a re-auth code, nor a login code at re-auth/token', async () => {
    const { access } = await h.login();
    const reauth = (
      (await h.control('/__emulator/reauth', { org_id: h.emu.org_id, access_token: access })).json as {
        code: string;
      }
    ).code;
    expect((await authData(reauth)).status).toBe(401);
    expect((await reauthToken(await loginCode())).status).toBe(401);
  });

  it('creates a user on first login of a new email and reuses it after', async () => {
    const first = await h.login('carol@example.org');
    const sub = JSON.parse(first.claims.sub as string) as { email: string; uid: string };
    expect(sub.email).toBe('carol@example.org');
    expect(sub.uid).toMatch(/^[0-9a-f]{32}$/);
    expect(first.claims['name']).toBe('carol');
    const second = await h.login('carol@example.org');
    expect(JSON.parse(second.claims.sub as string)).toEqual(sub);
    expect(second.access).not.toBe(first.access);
  });
});

describe('GET /api/user/me/data', () => {
  it("answers the signed user data of the access token's user", async () => {
    const { access } = await h.login();
    const res = await h.call('GET', '/api/user/me/data', { query: { AccessToken: access } });
    expect(res.status).toBe(200);
    const claims = await verifyAnswer(res.json, h.emu.secret_key);
    expect(claims).toMatchObject({
      uid: ALICE.uid,
      email: ALICE.email,
      name: 'Alice Example',
      img: 'https://example.com/avatars/alice.png',
      roles: [ROLE.admin],
      iss: h.emu.url,
    });
  });

  it('answers 401 for an unknown or expired access token', async () => {
    const { access } = await h.login();
    expect((await h.call('GET', '/api/user/me/data', { query: { AccessToken: 'nope' } })).status).toBe(401);
    await h.control('/__emulator/clock', { advance_s: 3600 });
    const expired = await h.call('GET', '/api/user/me/data', { query: { AccessToken: access } });
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ detail: 'Invalid, expired or revoked access token' });
  });
});

describe('GET /api/user/me/widget/re-auth/token', () => {
  it('exchanges a re-auth code for the updated user with a fresh token pair, once', async () => {
    const session = await h.login();
    const res = await h.control('/__emulator/reauth', {
      org_id: h.emu.org_id,
      access_token: session.access,
      name: 'Alice Renamed',
      img: 'https://example.com/new.png',
    });
    expect(res.status).toBe(200);
    const { code } = res.json as { code: string };
    const answer = await reauthToken(code);
    expect(answer.status).toBe(200);
    const claims = await verifyAnswer(answer.json, h.emu.secret_key);
    expect(claims['name']).toBe('Alice Renamed');
    expect(claims['img']).toBe('https://example.com/new.png');
    expect(JSON.parse(claims.sub as string)).toEqual({ email: ALICE.email, uid: ALICE.uid });
    expect(JSON.parse(claims['scope'] as string)).toEqual(['openid', 'email', 'profile']);
    expect(claims['access_token']).not.toBe(session.access);
    expect(claims['refresh_token']).not.toBe(session.refresh);
    expect(await h.validate(claims['access_token'] as string)).toBe(200);
    expect((await reauthToken(code)).status).toBe(401);
  });

  it('expires re-auth codes after 300 s', async () => {
    const session = await h.login();
    const { code } = (await h.control('/__emulator/reauth', { org_id: h.emu.org_id, access_token: session.access })).json as {
      code: string;
    };
    await h.control('/__emulator/clock', { advance_s: 301 });
    const res = await reauthToken(code);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ detail: 'Invalid, used or expired re-auth code' });
  });
});
