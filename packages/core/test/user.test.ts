import { describe, expect, it } from 'vitest';
import { ConfigurationError, HttpError, ValidationError } from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator();

describe('generateUrl', () => {
  it('builds the widget URL with the org id', () => {
    const url = new URL(emu.client().generateUrl());
    expect(`${url.origin}${url.pathname}`).toBe(emu.widgetUrl);
    expect(url.searchParams.get('org_id')).toBe(emu.orgId);
  });

  it('defaults to the hosted widget', () => {
    const client = emu.client({ widgetUrl: undefined });
    expect(client.generateUrl()).toBe(`https://app.trustauthx.com/widget/login/?org_id=${emu.orgId}`);
  });

  it('throws a ConfigurationError without orgId', () => {
    const client = emu.client({ orgId: undefined });
    expect(() => client.generateUrl()).toThrow(ConfigurationError);
    try {
      client.generateUrl();
    } catch (error) {
      expect((error as ConfigurationError).code).toBe('ERR_CONFIGURATION');
      expect((error as ConfigurationError).option).toBe('orgId');
    }
  });

  it('serves a login form that redirects with a code the client accepts', async () => {
    const form = await fetch(emu.client().generateUrl());
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<form');
    const post = await fetch(emu.client().generateUrl(), {
      method: 'POST',
      body: new URLSearchParams({ email: 'carol@example.com' }),
      redirect: 'manual',
    });
    expect(post.status).toBe(303);
    const code = new URL(post.headers.get('location') ?? '').searchParams.get('code');
    expect(code).toBeTruthy();
    const user = await emu.client().getUser(code ?? '');
    expect(user.email).toBe('carol@example.com');
  });
});

describe('getUser', () => {
  it('returns the flattened, verified user', async () => {
    const code = await emu.login('alice@example.com');
    const user = await emu.client().getUser(code);
    expect(user.email).toBe('alice@example.com');
    expect(user.uid).toMatch(/.+/);
    expect(Array.isArray(user.scope)).toBe(true);
    expect(user.scope.length).toBeGreaterThan(0);
    expect(user).not.toHaveProperty('sub');
    expect(typeof user.access_token).toBe('string');
    expect(typeof user.refresh_token).toBe('string');
    expect(user.exp).toBeGreaterThan(Date.now() / 1000);
    expect(user.refresh_exp).toBeGreaterThan(user.exp);
    expect(Object.keys(user).sort()).toEqual(
      ['access_token', 'email', 'exp', 'iat', 'img', 'iss', 'jti', 'name', 'refresh_exp', 'refresh_token', 'scope', 'type', 'uid'].sort(),
    );
  });

  it('refuses a used login code with a typed HttpError', async () => {
    const code = await emu.login('alice@example.com');
    const client = emu.client();
    await client.getUser(code);
    const error = await client.getUser(code).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe('ERR_HTTP');
    expect((error as HttpError).status).toBeGreaterThanOrEqual(400);
    expect((error as HttpError).status).toBeLessThan(500);
  });

  it('refuses an unknown login code', async () => {
    const error = await emu
      .client()
      .getUser('no-such-code')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
  });

  it('refuses an expired login code (300 s)', async () => {
    const code = await emu.login('alice@example.com');
    await emu.advance(301);
    await expect(emu.client().getUser(code)).rejects.toBeInstanceOf(HttpError);
  });

  it('rejects an empty code before any request', async () => {
    await expect(emu.client().getUser('')).rejects.toBeInstanceOf(ValidationError);
    expect(await emu.requests()).toEqual([]);
  });
});

describe('getUserData', () => {
  it('returns the verified user data of an access token', async () => {
    const client = emu.client();
    const user = await client.getUser(await emu.login('bob@example.com'));
    const data = await client.getUserData(user.access_token);
    expect(data.email).toBe('bob@example.com');
    expect(data.uid).toBe(user.uid);
    expect(typeof data.img).toBe('string');
  });

  it('answers an HttpError for an expired access token', async () => {
    const client = emu.client();
    const user = await client.getUser(await emu.login('bob@example.com'));
    await emu.advance(3601);
    await expect(client.getUserData(user.access_token)).rejects.toBeInstanceOf(HttpError);
  });
});

describe('generateEditUserUrl and reAuth', () => {
  it('builds the settings URL, and reAuth returns the edited user', async () => {
    const client = emu.client();
    const user = await client.getUser(await emu.login('alice@example.com'));
    const editUrl = new URL(
      await client.generateEditUserUrl(user.access_token, 'http://localhost:3000/profile-done', { dangerouslyExposeOrgCredentials: true }),
    );
    expect(editUrl.pathname).toBe('/api/user/me/settings/');
    expect(editUrl.searchParams.get('AccessToken')).toBe(user.access_token);
    expect(editUrl.searchParams.get('api_key')).toBe(emu.apiKey);
    expect(editUrl.searchParams.get('url')).toBe('http://localhost:3000/profile-done');
    const page = await fetch(editUrl);
    expect(page.status).toBe(200);

    const code = await emu.reauthCode(user.access_token, { name: 'Alice Renamed' });
    const updated = await client.reAuth(code);
    expect(updated.name).toBe('Alice Renamed');
    expect(updated.email).toBe('alice@example.com');
    expect(updated.uid).toBe(user.uid);
    await expect(client.reAuth(code)).rejects.toBeInstanceOf(HttpError);
  });

  it('rejects a callback URL that is not http(s)', async () => {
    await expect(
      emu.client().generateEditUserUrl('tok', 'javascript:alert(1)', { dangerouslyExposeOrgCredentials: true }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_INPUT',
      field: 'callbackUrl',
    });
  });
});
