import { describe, expect, it } from 'vitest';
import { ALICE, useHarness, verifyAnswer } from './helpers.js';

const h = useHarness();

function form(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

describe('login widget', () => {
  it('serves an HTML form with an email field', async () => {
    expect(h.emu.widget_url).toBe(`${h.emu.url}/widget/login/`);
    const res = await fetch(`${h.emu.widget_url}?org_id=${h.emu.org_id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-edge')).toBeNull();
    const html = await res.text();
    expect(html).toContain('<form method="post" action="">');
    expect(html).toContain('name="email" type="email"');
    expect(html).toContain(`name="org_id" value="${h.emu.org_id}"`);
  });

  it('answers 422 without org_id and 404 for an unknown one', async () => {
    expect((await fetch(h.emu.widget_url)).status).toBe(422);
    const unknown = await fetch(`${h.emu.widget_url}?org_id=${'c'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ detail: 'Organisation not found' });
  });

  it('redirects 303 to the callback with a login code that works once', async () => {
    const res = await fetch(`${h.emu.widget_url}?org_id=${h.emu.org_id}`, form({ org_id: h.emu.org_id, email: ALICE.email }));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/auth/callback');
    expect([...location.searchParams.keys()]).toEqual(['code']);
    const code = location.searchParams.get('code')!;
    const data = await h.call('GET', '/api/user/me/auth/data', { query: { UserToken: code } });
    expect(data.status).toBe(200);
    const claims = await verifyAnswer(data.json, h.emu.secret_key);
    expect(JSON.parse(claims.sub as string)).toEqual({ email: ALICE.email, uid: ALICE.uid });
    expect((await h.call('GET', '/api/user/me/auth/data', { query: { UserToken: code } })).status).toBe(401);
  });

  it('answers 422 for an invalid email', async () => {
    const res = await fetch(`${h.emu.widget_url}?org_id=${h.emu.org_id}`, form({ email: 'not-an-email' }));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ detail: 'Field email must be an email address' });
  });
});

describe('settings page', () => {
  const settings = (access: string, url = 'http://localhost:3000/profile?tab=me') =>
    h.url('/api/user/me/settings/', { AccessToken: access, url });

  it('serves an HTML profile form, escaping what it echoes and holding no token or key', async () => {
    const { access } = await h.login();
    await h.control('/__emulator/reauth', { org_id: h.emu.org_id, access_token: access, name: `<b>"Al" & 'ice'</b>` });
    const res = await fetch(settings(access));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('value="&lt;b&gt;&quot;Al&quot; &amp; &#39;ice&#39;&lt;/b&gt;"');
    expect(html).not.toContain('<b>');
    expect(html).toContain('value="https://example.com/avatars/alice.png"');
    expect(html).not.toContain(access);
    expect(html).not.toContain(h.emu.api_key);
    expect(html).not.toContain(h.signedKey);
  });

  it('POST with a change redirects 303 to url?code&ac=true; the code returns the updated user', async () => {
    const { access } = await h.login();
    const res = await fetch(settings(access), form({ name: 'Alice Liddell', img: 'https://example.com/a2.png' }));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/profile');
    expect(location.searchParams.get('tab')).toBe('me');
    expect(location.searchParams.get('ac')).toBe('true');
    const code = location.searchParams.get('code')!;
    const answer = await h.call('GET', '/api/user/me/widget/re-auth/token', { query: { code } });
    expect(answer.status).toBe(200);
    const claims = await verifyAnswer(answer.json, h.emu.secret_key);
    expect(claims['name']).toBe('Alice Liddell');
    expect(claims['img']).toBe('https://example.com/a2.png');
  });

  it('POST without a change redirects with ac=false and a working code', async () => {
    const { access } = await h.login();
    const res = await fetch(settings(access), form({ name: 'Alice Example', img: 'https://example.com/avatars/alice.png' }));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('ac')).toBe('false');
    const answer = await h.call('GET', '/api/user/me/widget/re-auth/token', { query: { code: location.searchParams.get('code')! } });
    expect(answer.status).toBe(200);
    expect((await verifyAnswer(answer.json, h.emu.secret_key))['name']).toBe('Alice Example');
  });

  it('answers 401 for a bad access token and 422 for a bad url', async () => {
    const { access } = await h.login();
    expect((await fetch(settings('nope'))).status).toBe(401);
    expect((await fetch(settings(access, 'javascript:alert(1)'))).status).toBe(422);
    expect((await fetch(settings(access, '/relative'))).status).toBe(422);
  });
});
