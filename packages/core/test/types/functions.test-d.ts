import { describe, expectTypeOf, it } from 'vitest';
import {
  type AuthLiteClient,
  type AuthLiteHandle,
  attachRole,
  createHandle,
  getUser,
  loadRoles,
  type Permission,
  queryRoles,
  type RoleAssignment,
  type RoleIndex,
  type SignOffSessionReplace,
  type TokenCheck,
  type User,
  updateRole,
  validateAccessToken,
  validatePermission,
  validateTokenSet,
} from '../../src/index.js';

declare const auth: AuthLiteHandle;
declare const client: AuthLiteClient;
const role = 'rol_adm_0000000000000001';

describe('the function form', () => {
  it('createHandle gives an opaque handle, and a client exposes its own', () => {
    expectTypeOf(createHandle({ apiKey: 'k', secretKey: 's' })).toEqualTypeOf<AuthLiteHandle>();
    expectTypeOf(client.handle).toEqualTypeOf<AuthLiteHandle>();
    // @ts-expect-error a plain object is not a handle
    void validateAccessToken({}, 't');
  });

  it('answers what the methods answer', () => {
    expectTypeOf(validateAccessToken(auth, 't')).resolves.toEqualTypeOf<boolean>();
    expectTypeOf(validateTokenSet(auth, 'a', 'r')).resolves.toEqualTypeOf<TokenCheck>();
    expectTypeOf(getUser(auth, 'code')).resolves.toEqualTypeOf<User>();
    expectTypeOf(loadRoles(auth)).resolves.toEqualTypeOf<RoleIndex>();
    expectTypeOf(validatePermission(auth, role, 'billing', 'write')).resolves.toEqualTypeOf<boolean>();
  });

  it('keeps the overloads of query and the assignment functions', () => {
    expectTypeOf(queryRoles(auth)).resolves.toEqualTypeOf<Record<string, Permission[]>>();
    expectTypeOf(queryRoles(auth, role)).resolves.toEqualTypeOf<Permission[] | null>();
    expectTypeOf(queryRoles(auth, undefined, 'billing')).resolves.toEqualTypeOf<Record<string, string[]>>();
    expectTypeOf(queryRoles(auth, role, 'billing')).resolves.toEqualTypeOf<string[] | null>();
    expectTypeOf(attachRole(auth, 'uid', role)).resolves.toEqualTypeOf<RoleAssignment>();
    expectTypeOf(
      attachRole(auth, 'uid', [role], { signoffSessionAndAssign: true, accessToken: 'a', refreshToken: 'r' }),
    ).resolves.toEqualTypeOf<SignOffSessionReplace>();
    expectTypeOf(updateRole(auth, 'uid', { add: role, remove: [] })).resolves.toEqualTypeOf<RoleAssignment>();
  });
});
