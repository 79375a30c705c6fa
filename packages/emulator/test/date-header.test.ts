import { describe, expect, it } from 'vitest';
import { useHarness } from './helpers.js';

// The Date header reads the emulator's clock, as the real service's reads its own: clients
// that estimate the service's clock from it follow a moved emulator clock.
const h = useHarness();

describe('Date header', () => {
  it('moves with POST /__emulator/clock, on wire answers, faulted answers and the control API', async () => {
    const before = Date.parse((await h.call('GET', '/rbac/role', { query: { org_id: h.emu.org_id } })).headers.get('date') ?? '');
    await h.control('/__emulator/clock', { advance_s: 86_400 });
    const wire = await h.call('GET', '/rbac/role', { query: { org_id: h.emu.org_id } });
    await h.control('/__emulator/faults', { rules: [{ path: '/rbac/role', status: 503 }] });
    const faulted = await h.call('GET', '/rbac/role', { query: { org_id: h.emu.org_id } });
    for (const res of [wire, faulted]) {
      const moved = Date.parse(res.headers.get('date') ?? '') - before;
      expect(moved).toBeGreaterThanOrEqual(86_400_000);
      expect(moved).toBeLessThan(86_400_000 + 3_600_000);
    }
  });
});
