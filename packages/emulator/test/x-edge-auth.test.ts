import { describe, expect, it } from 'vitest';
import { signKey, useHarness } from './helpers.js';

// Issue 9 item 6: X-EDGE (the organisation's role count) only on authenticated answers.
const h = useHarness();

describe('X-EDGE', () => {
  it('is absent when the keys do not verify, even with a known api_key or org_id in the query', async () => {
    const wrong = await signKey(h.emu.api_key, '0'.repeat(64));
    const queries: Record<string, string>[] = [
      { api_key: h.emu.api_key, signed_key: wrong, org_id: h.emu.org_id },
      { api_key: h.emu.api_key, org_id: h.emu.org_id },
      { org_id: h.emu.org_id },
    ];
    for (const query of queries) {
      const res = await h.call('GET', '/rbac/role', { auth: false, query });
      expect(res.status).toBeGreaterThanOrEqual(401);
      expect(res.headers.get('x-edge')).toBeNull();
    }
    const widget = await fetch(`${h.emu.widget_url}?org_id=${h.emu.org_id}`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('x-edge')).toBeNull();
  });

  it('is on an authenticated profile page and on errors after authentication', async () => {
    const { access } = await h.login();
    const settings = await fetch(h.url('/api/user/me/settings/', { AccessToken: access, url: 'http://localhost:3000/profile' }));
    expect(settings.status).toBe(200);
    expect(settings.headers.get('x-edge')).toBe('3');
    const missingRole = await h.call('DELETE', '/rbac/role', {
      query: { org_id: h.emu.org_id },
      body: { org_id: h.emu.org_id, rol_id: 'rol_xyz_0000000000000000' },
    });
    expect(missingRole.status).toBe(404);
    expect(missingRole.headers.get('x-edge')).toBe('3');
  });

  it("is on a faulted answer only when the request's keys verify", async () => {
    await h.control('/__emulator/faults', { rules: [{ path: '/rbac/role', status: 503 }] });
    const authenticated = await h.call('GET', '/rbac/role', { query: { org_id: h.emu.org_id } });
    expect(authenticated.status).toBe(503);
    expect(authenticated.headers.get('x-edge')).toBe('3');
    const anonymous = await h.call('GET', '/rbac/role', { auth: false, query: { org_id: h.emu.org_id, api_key: h.emu.api_key } });
    expect(anonymous.status).toBe(503);
    expect(anonymous.headers.get('x-edge')).toBeNull();
  });
});
