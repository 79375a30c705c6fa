import { describe, expect, it } from 'vitest';
import { BOB, startHarness, useHarness } from './helpers.js';

// Issue 15: revoked and expired tokens are dropped from memory, yet answer on the wire
// exactly as they did while they were held (these are the answers of an expired or revoked token).
const h = useHarness();

const revoke = (Token: string, AccessToken: string, SpecificTokenOnly: string) =>
  h.call('DELETE', '/api/user/me/token/', { query: { Token, AccessToken, SpecificTokenOnly } });
const INVALID_ACCESS = { detail: 'Invalid, expired or revoked access token' };
const INVALID_REFRESH = { detail: 'Invalid, used, expired or revoked refresh token' };
const MONTH_S = 31 * 24 * 3600;

describe('an expired token, pruned on the emulator clock', () => {
  it('answers validate, me/data, refresh and reauth as an expired token', async () => {
    const s = await h.login();
    await h.control('/__emulator/clock', { advance_s: MONTH_S });
    const validate = await h.call('GET', '/api/user/me/auth/validate/token', { query: { AccessToken: s.access } });
    expect([validate.status, validate.json]).toEqual([401, INVALID_ACCESS]);
    const data = await h.call('GET', '/api/user/me/data', { query: { AccessToken: s.access } });
    expect([data.status, data.json]).toEqual([401, INVALID_ACCESS]);
    const refresh = await h.refresh(s.refresh);
    expect([refresh.status, refresh.json]).toEqual([401, INVALID_REFRESH]);
    const reauth = await h.control('/__emulator/reauth', { org_id: h.emu.org_id, access_token: s.access });
    expect([reauth.status, reauth.json]).toEqual([401, INVALID_ACCESS]);
  });

  it("answers DELETE /token with false (not 'unknown'), by access or refresh token", async () => {
    const s = await h.login();
    await h.control('/__emulator/clock', { advance_s: MONTH_S });
    for (const [token, isAccess] of [
      [s.access, 'true'],
      [s.refresh, 'false'],
    ] as const) {
      for (const specific of ['true', 'false']) {
        const res = await revoke(token, isAccess, specific);
        expect([res.status, res.json], `${isAccess} ${specific}`).toEqual([200, false]);
      }
    }
  });

  it("still names its user: SpecificTokenOnly=false ends the user's newer sessions, and nobody else's", async () => {
    const old = await h.login();
    await h.control('/__emulator/clock', { advance_s: MONTH_S });
    const current = await h.login();
    const bob = await h.login(BOB.email);
    const res = await revoke(old.access, 'true', 'false');
    expect([res.status, res.json]).toEqual([200, true]);
    expect(await h.validate(current.access)).toBe(401);
    expect((await h.refresh(current.refresh)).status).toBe(401);
    expect(await h.validate(bob.access)).toBe(200);
  });

  it('is still unknown when of the other kind, or signed by another emulator or before a reset', async () => {
    const s = await h.login();
    await h.control('/__emulator/clock', { advance_s: MONTH_S });
    const wrongKind = await revoke(s.access, 'false', 'true');
    expect([wrongKind.status, wrongKind.json]).toEqual([401, { detail: 'Unknown refresh token' }]);
    const foreign = await startHarness();
    const token = (await foreign.login()).access;
    await foreign.stop();
    const res = await revoke(token, 'true', 'true');
    expect([res.status, res.json]).toEqual([401, { detail: 'Unknown access token' }]);
    await h.control('/__emulator/reset');
    const afterReset = await revoke(s.access, 'true', 'true');
    expect([afterReset.status, afterReset.json]).toEqual([401, { detail: 'Unknown access token' }]);
  });
});

describe('a revoked token, dropped at once', () => {
  it('answers false on a second revocation, and a rotated-away refresh token still ends its session', async () => {
    const s = await h.login();
    expect((await revoke(s.access, 'true', 'true')).json).toBe(true);
    const again = await revoke(s.access, 'true', 'true');
    expect([again.status, again.json]).toEqual([200, false]);
    const rotated = (await h.refresh(s.refresh)).json as { access_token: string; refresh_token: string };
    const reuse = await h.refresh(s.refresh);
    expect([reuse.status, reuse.json]).toEqual([401, INVALID_REFRESH]);
    const res = await revoke(s.refresh, 'false', 'true');
    expect([res.status, res.json]).toEqual([200, true]);
    expect(await h.validate(rotated.access_token)).toBe(401);
    expect((await h.refresh(rotated.refresh_token)).status).toBe(401);
  });
});
