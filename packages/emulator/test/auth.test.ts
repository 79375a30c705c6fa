import { describe, expect, it } from 'vitest';
import { signKey, useHarness } from './helpers.js';

const h = useHarness();

const VALIDATE = '/api/user/me/auth/validate/token';

describe('api_key and signed_key', () => {
  it('answers 422 when api_key or signed_key is missing', async () => {
    const noApiKey = await h.call('GET', VALIDATE, { auth: false, query: { signed_key: h.signedKey, AccessToken: 'x' } });
    expect(noApiKey.status).toBe(422);
    expect(noApiKey.json).toEqual({ detail: 'Missing query parameter: api_key' });
    const noSigned = await h.call('GET', VALIDATE, { auth: false, query: { api_key: h.emu.api_key, AccessToken: 'x' } });
    expect(noSigned.status).toBe(422);
    expect(noSigned.json).toEqual({ detail: 'Missing query parameter: signed_key' });
  });

  it('answers 401 for an unknown api_key, without echoing it', async () => {
    const fakeKey = `${'f'.repeat(32)}${'Z'.repeat(20)}`;
    const res = await h.call('GET', VALIDATE, {
      auth: false,
      query: { api_key: fakeKey, signed_key: await signKey(fakeKey, h.emu.secret_key), AccessToken: 'x' },
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ detail: 'Invalid api_key' });
    expect(res.text).not.toContain(fakeKey);
    expect(res.headers.get('x-edge')).toBeNull();
  });

  it('answers 403 for a signed_key with the wrong secret, the wrong api_key, the wrong alg or garbage', async () => {
    const k = h.emu.api_key;
    const other = `${'0'.repeat(32)}${'A'.repeat(20)}`;
    const badKeys = [
      await signKey(k, '0'.repeat(64)),
      await signKey(other, h.emu.secret_key),
      await signKey(k, h.emu.secret_key, 'HS512'),
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ api_key: k })).toString('base64url')}.`,
      'not-a-jws',
    ];
    for (const signed_key of badKeys) {
      const res = await h.call('GET', VALIDATE, { auth: false, query: { api_key: k, signed_key, AccessToken: 'x' } });
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ detail: 'signed_key does not verify for this api_key' });
      expect(res.text).not.toContain(k);
      expect(res.headers.get('x-edge')).toBeNull();
    }
  });

  it('accepts the correctly signed key', async () => {
    const { access } = await h.login();
    expect(await h.validate(access)).toBe(200);
  });

  it('answers 422 for a missing endpoint query parameter', async () => {
    const res = await h.call('GET', VALIDATE);
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ detail: 'Missing query parameter: AccessToken' });
  });

  it('never echoes a token in an error detail', async () => {
    const token = 'eyJsecret.token.value-123';
    for (const [path, name] of [
      [VALIDATE, 'AccessToken'],
      ['/api/user/me/access/token/', 'RefreshToken'],
      ['/api/user/me/data', 'AccessToken'],
      ['/api/user/me/auth/data', 'UserToken'],
    ] as const) {
      const res = await h.call('GET', path, { query: { [name]: token } });
      expect(res.status).toBe(401);
      expect(typeof (res.json as { detail: string }).detail).toBe('string');
      expect(res.text).not.toContain(token);
      expect(res.text).not.toContain(h.signedKey);
    }
  });
});

describe('RBAC org_id', () => {
  it('answers 422 without org_id and 403 for another org_id', async () => {
    const missing = await h.call('GET', '/rbac/role');
    expect(missing.status).toBe(422);
    expect(missing.json).toEqual({ detail: 'Missing query parameter: org_id' });
    const foreign = await h.call('GET', '/rbac/role', { query: { org_id: 'a'.repeat(64) } });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toEqual({ detail: 'org_id does not belong to this api_key' });
    expect(foreign.headers.get('x-edge')).toBe('3');
  });
});

describe('X-EDGE', () => {
  it('is on authenticated answers only: successes and errors after authentication', async () => {
    const ok = await h.call('GET', '/rbac/role', { query: { org_id: h.emu.org_id } });
    expect(ok.headers.get('x-edge')).toBe('3');
    const unauth = await h.call('GET', VALIDATE, { query: { AccessToken: 'nope' } });
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('x-edge')).toBe('3');
    const notFound = await h.call('GET', '/no/such/route');
    expect(notFound.status).toBe(404);
    expect(notFound.json).toEqual({ detail: 'Not Found' });
    expect(notFound.headers.get('x-edge')).toBeNull();
    const control = await h.control('/__emulator/clock', { advance_s: 0 });
    expect(control.headers.get('x-edge')).toBeNull();
  });

  it('is exposed to browsers through CORS, with Date (the client estimates the service clock from it)', async () => {
    const res = await fetch(h.url('/rbac/role', { org_id: h.emu.org_id }), { headers: { origin: 'http://localhost:3000' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-EDGE,Date');
  });
});
