import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuthLiteClient, AuthLiteError, ValidationError } from '../src/index.js';
import { useEmulator } from './emulator.js';

const emu = useEmulator({ resetEach: false });

const roleId = fc.stringMatching(/^rol_[A-Za-z0-9]{3}_[a-f0-9]{16}$/);
const token = fc.stringMatching(/^[\x21-\x7e]{1,64}$/);
const value = fc.oneof(
  fc.anything(),
  fc.string(),
  token,
  roleId,
  fc.constant(''),
  fc.constant('x'.repeat(9000)),
  fc.array(roleId, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.array(fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 2 }), { maxLength: 3 }),
  fc.record({ accessToken: token }),
  fc.record({ refreshToken: token }),
  fc.record({ add: fc.oneof(roleId, fc.array(roleId, { maxLength: 2 })), remove: fc.oneof(roleId, fc.string()) }),
  fc.record({ signoffSessionAndAssign: fc.boolean(), accessToken: fc.option(token, { nil: undefined }) }),
);

type Call = (c: AuthLiteClient, a: unknown, b: unknown, d: unknown) => Promise<unknown>;
const methods: Record<string, Call> = {
  getUser: (c, a) => c.getUser(a as never),
  reAuth: (c, a) => c.reAuth(a as never),
  getUserData: (c, a) => c.getUserData(a as never),
  getAccessTokenFromRefreshToken: (c, a) => c.getAccessTokenFromRefreshToken(a as never),
  validateAccessToken: (c, a) => c.validateAccessToken(a as never),
  validateTokenSet: (c, a, b) => c.validateTokenSet(a as never, b as never),
  revokeToken: (c, a, b) => c.revokeToken(a as never, b as never),
  generateEditUserUrl: (c, a, b) => c.generateEditUserUrl(a as never, b as never, { dangerouslyExposeOrgCredentials: true }),
  attachRole: (c, a, b, d) => c.attachRole(a as never, b as never, d as never),
  removeRole: (c, a, b, d) => c.removeRole(a as never, b as never, d as never),
  updateRole: (c, a, b, d) => c.updateRole(a as never, b as never, d as never),
  addRole: (c, a, b) => c.roles.addRole(a as never, b as never),
  deleteRole: (c, a) => c.roles.deleteRole(a as never),
  addPermission: (c, a, b) => c.roles.addPermission(a as never, b as never),
  deletePermission: (c, a, b) => c.roles.deletePermission(a as never, b as never),
  query: (c, a, b) => c.roles.query(a as never, b as never),
  validate: (c, a, b, d) => c.roles.validate(a as never, b as never, d as never),
};

const requestCount = async () => (await emu.requests()).length;

describe('arbitrary arguments (fast-check)', () => {
  for (const [name, call] of Object.entries(methods)) {
    it(`${name}: succeeds, or fails with a typed error; a ValidationError sends nothing`, async () => {
      let validationErrors = 0;
      await fc.assert(
        fc.asyncProperty(value, value, value, async (a, b, d) => {
          await emu.reset(); // the request log holds the last 1000 requests only
          const client = emu.client();
          // Warm the role cache so that local reads send nothing on their own.
          await client.roles.countRoles();
          const before = await requestCount();
          const outcome = await call(client, a, b, d).then(
            () => undefined,
            (error: unknown) => error,
          );
          const sent = (await requestCount()) - before;
          if (outcome === undefined) return;
          expect(outcome).toBeInstanceOf(AuthLiteError);
          if (outcome instanceof ValidationError) {
            validationErrors++;
            expect(sent).toBe(0);
            expect(outcome.field.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 40, seed: 20261129 },
      );
      expect(validationErrors).toBeGreaterThan(0);
    });
  }
});
