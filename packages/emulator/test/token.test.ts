import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../src/seed.js';
import { ALICE, BOB, decodeJwt, ROLE, startHarness, useHarness } from './helpers.js';

const h = useHarness();

const revoke = (Token: string, AccessToken: string, SpecificTokenOnly: string) =>
  h.call('DELETE', '/api/user/me/token/', { query: { Token, AccessToken, SpecificTokenOnly } });

describe('validate', () => {
  it('answers 200 {valid: true} for a live access token and 401 {detail} otherwise', async () => {
    const { access, refresh } = await h.login();
    const ok = await h.call('GET', '/api/user/me/auth/validate/token', { query: { AccessToken: access } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ valid: true });
    const bad = await h.call('GET', '/api/user/me/auth/validate/token', { query: { AccessToken: 'garbage' } });
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({ detail: 'Invalid, expired or revoked access token' });
    expect(await h.validate(refresh)).toBe(401);
  });

  it('expires access tokens after 3600 s of emulator time; the refresh token still works', async () => {
    const { access, refresh } = await h.login();
    // A margin of a few seconds: real time also moves while the test runs.
    await h.control('/__emulator/clock', { advance_s: 3595 });
    expect(await h.validate(access)).toBe(200);
    await h.control('/__emulator/clock', { advance_s: 5 });
    expect(await h.validate(access)).toBe(401);
    const res = await h.refresh(refresh);
    expect(res.status).toBe(200);
    expect(await h.validate((res.json as { access_token: string }).access_token)).toBe(200);
  });

  it('expires refresh tokens after 30 days', async () => {
    const { refresh } = await h.login();
    await h.control('/__emulator/clock', { advance_s: 30 * 24 * 3600 });
    const res = await h.refresh(refresh);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ detail: 'Invalid, used, expired or revoked refresh token' });
  });
});

describe('tokens are signed JWTs', () => {
  it('carry sub, sid, jti, iat, exp and type', async () => {
    const { access, refresh } = await h.login();
    const a = decodeJwt(access);
    const r = decodeJwt(refresh);
    expect(a).toMatchObject({ sub: ALICE.uid, type: 'access', roles: [ROLE.admin] });
    expect(r).toMatchObject({ sub: ALICE.uid, type: 'refresh' });
    expect(a['sid']).toBe(r['sid']);
    expect(a.jti).not.toBe(r.jti);
    expect(a.exp! - a.iat!).toBe(3600);
    expect(r.exp! - r.iat!).toBe(2592000);
  });

  it('use the lifetimes of the seed', async () => {
    const custom = await startHarness({ ...DEFAULT_SEED, access_token_ttl_s: 60, refresh_token_ttl_s: 120 });
    try {
      const { claims, access, refresh } = await custom.login();
      expect(claims.exp! - claims.iat!).toBe(60);
      expect((claims['refresh_exp'] as number) - claims.iat!).toBe(120);
      await custom.control('/__emulator/clock', { advance_s: 60 });
      expect(await custom.validate(access)).toBe(401);
      await custom.control('/__emulator/clock', { advance_s: 60 });
      expect((await custom.refresh(refresh)).status).toBe(401);
    } finally {
      await custom.stop();
    }
  });
});

describe('refresh', () => {
  it('rotates: answers a new pair and the used refresh token stops working', async () => {
    const { access, refresh } = await h.login();
    const res = await h.refresh(refresh);
    expect(res.status).toBe(200);
    const pair = res.json as { access_token: string; refresh_token: string };
    expect(Object.keys(pair).sort()).toEqual(['access_token', 'refresh_token']);
    expect(pair.access_token).not.toBe(access);
    expect(pair.refresh_token).not.toBe(refresh);
    expect(decodeJwt(pair.access_token)['sid']).toBe(decodeJwt(access)['sid']);
    expect(await h.validate(pair.access_token)).toBe(200);
    const reused = await h.refresh(refresh);
    expect(reused.status).toBe(401);
    const next = await h.refresh(pair.refresh_token);
    expect(next.status).toBe(200);
  });

  it('refuses an access token as refresh token', async () => {
    const { access } = await h.login();
    expect((await h.refresh(access)).status).toBe(401);
    expect(await h.validate(access)).toBe(200);
  });
});

describe('revoke', () => {
  it('revokes only the access token with SpecificTokenOnly=true', async () => {
    const one = await h.login();
    const two = await h.login();
    const res = await revoke(one.access, 'true', 'true');
    expect(res.status).toBe(200);
    expect(res.json).toBe(true);
    expect(await h.validate(one.access)).toBe(401);
    expect(await h.validate(two.access)).toBe(200);
    expect((await h.refresh(one.refresh)).status).toBe(200);
    const again = await revoke(one.access, 'true', 'true');
    expect(again.status).toBe(200);
    expect(again.json).toBe(false);
  });

  it("revokes a refresh token's whole session with SpecificTokenOnly=true (Python spelling)", async () => {
    const one = await h.login();
    const two = await h.login();
    const res = await revoke(one.refresh, 'False', 'True');
    expect(res.json).toBe(true);
    expect((await h.refresh(one.refresh)).status).toBe(401);
    expect(await h.validate(one.access)).toBe(401);
    expect(await h.validate(two.access)).toBe(200);
    expect((await h.refresh(two.refresh)).status).toBe(200);
  });

  it("revokes every token of the user with SpecificTokenOnly=false, and no one else's", async () => {
    const one = await h.login();
    const two = await h.login();
    const bob = await h.login(BOB.email);
    const res = await revoke(one.access, 'True', 'False');
    expect(res.status).toBe(200);
    expect(res.json).toBe(true);
    expect(await h.validate(one.access)).toBe(401);
    expect(await h.validate(two.access)).toBe(401);
    expect((await h.refresh(one.refresh)).status).toBe(401);
    expect((await h.refresh(two.refresh)).status).toBe(401);
    expect(await h.validate(bob.access)).toBe(200);
  });

  it('answers 401 for an unknown token or a token of the other kind, and revokes nothing', async () => {
    const s = await h.login();
    const unknown = await revoke('nope', 'true', 'false');
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual({ detail: 'Unknown access token' });
    const wrongKind = await revoke(s.refresh, 'true', 'false');
    expect(wrongKind.status).toBe(401);
    const wrongKind2 = await revoke(s.access, 'false', 'false');
    expect(wrongKind2.status).toBe(401);
    expect(wrongKind2.json).toEqual({ detail: 'Unknown refresh token' });
    expect(await h.validate(s.access)).toBe(200);
  });

  it('answers 422 for a boolean that is not true/True/false/False, and revokes nothing', async () => {
    const s = await h.login();
    const res = await revoke(s.access, 'yes', 'true');
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ detail: 'Query parameter AccessToken must be true or false' });
    const missing = await h.call('DELETE', '/api/user/me/token/', { query: { Token: s.access, AccessToken: 'true' } });
    expect(missing.status).toBe(422);
    expect(await h.validate(s.access)).toBe(200);
  });
});
