import { createPrng } from '@authlite/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { type AuthLiteClient, AuthLiteError, type Role, type User } from '../src/index.js';
import { startTestEmulator, type TestEmulator } from './emulator.js';

const CALLERS = 20;
const OPS_PER_CALLER = 20;

const activeCounts = () => {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
};

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('soak: mixed operations, many callers, random faults', () => {
  it(`${CALLERS} callers x ${OPS_PER_CALLER} operations end in results or typed errors, and leave nothing behind`, async () => {
    const before = activeCounts();
    const emu: TestEmulator = await startTestEmulator();
    const client: AuthLiteClient = emu.client({ timeout: 150, maxAge: 3600 });
    const users: User[] = [];
    const setup = emu.client();
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', 'e@example.com']) {
      users.push(await setup.getUser(await emu.login(email)));
    }
    const created: Role[] = [];
    await emu.faults(
      [
        { status: 503, probability: 0.05 },
        { status: 500, probability: 0.03 },
        { status: 429, headers: { 'retry-after': '0' }, probability: 0.03 },
        // Slow answers on reads only: a write delayed past the 150 ms timeout is applied after the client gave
        // up, possibly after its next role fetch, and no later check could tell (an unknown outcome, as
        // documented; covered by rbac.test.ts). The final comparison below needs every write settled.
        { delay_ms: 300, method: 'GET', probability: 0.03 },
        { status: 200, body: 'not json', probability: 0.02 },
        { status: 200, body: '{"cut": "short, very short indeed"}', truncate: true, probability: 0.02 },
      ],
      7,
    );

    const random = createPrng(20261129);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const operations: ((user: User) => Promise<unknown>)[] = [
      (u) => client.validateAccessToken(u.access_token),
      (u) => client.getUserData(u.access_token),
      (u) => client.validateTokenSet(u.access_token, u.refresh_token),
      () => client.roles.validate('rol_adm_00000000000000a1', 'billing', 'write'),
      () => client.roles.countRoles(),
      async () => created.push(await client.roles.addRole(`soak-${Math.floor(random() * 1e6)}`, { soak: 'yes' })),
      async () => {
        const role = created.pop();
        if (role) await client.roles.deleteRole(role.rol_id);
      },
      async () => {
        const role = created.at(-1);
        if (role) await client.roles.addPermission(role.rol_id, { extra: String(Math.floor(random() * 5)) });
      },
      (u) => client.attachRole(u.uid, 'rol_vwr_00000000000000f1'),
      () => client.getUser('not-a-real-code'),
    ];

    let results = 0;
    const strays: unknown[] = [];
    const caller = async () => {
      for (let i = 0; i < OPS_PER_CALLER; i++) {
        const op = pick(operations);
        const user = pick(users);
        try {
          await op(user);
        } catch (error) {
          if (!(error instanceof AuthLiteError)) strays.push(error);
        }
        results++;
      }
    };
    await Promise.all(Array.from({ length: CALLERS }, caller));

    expect(results).toBe(CALLERS * OPS_PER_CALLER);
    expect(strays).toEqual([]);
    expect(unhandled).toEqual([]);

    // Faults off: one answer carries the true X-EDGE; the cache must then match the service.
    await emu.faults([]);
    for (;;) {
      // Any answer carries X-EDGE; under a loaded machine the 150 ms timeout may need a retry (no cap of
      // its own: the test's timeout is the bound).
      if (
        await client.validateAccessToken(users[0]?.access_token ?? '').then(
          () => true,
          () => false,
        )
      )
        break;
    }
    const truth = await emu.client().roles.getAllRoles();
    let cached: Record<string, unknown> | undefined;
    while (!cached) cached = await client.roles.query().catch(() => undefined);
    expect(Object.keys(cached).sort()).toEqual(truth.map((r) => r.rol_id).sort());
    for (const role of truth) expect(cached[role.rol_id]).toEqual(role.permissions);

    await emu.stop();
    // Closed handles leave the list over the next turns of the event loop: wait for that state.
    const closed = (counts: Record<string, number>) =>
      (counts.Timeout ?? 0) <= (before.Timeout ?? 0) &&
      (counts.TCPSocketWrap ?? 0) <= (before.TCPSocketWrap ?? 0) &&
      (counts.TCPServerWrap ?? 0) <= (before.TCPServerWrap ?? 0);
    while (!closed(activeCounts())) await new Promise((resolve) => setImmediate(resolve));
    const after = activeCounts();
    expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0);
    expect(after.TCPServerWrap ?? 0).toBeLessThanOrEqual(before.TCPServerWrap ?? 0);
  }, 120_000);
});
