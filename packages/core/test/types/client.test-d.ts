import { describe, expectTypeOf, it } from 'vitest';
import {
  type AnyAuthLiteError,
  AuthLiteClient,
  type HttpError,
  isAuthLiteError,
  type Permission,
  type RoleAssignment,
  type RoleIndex,
  type SignOffSessionReplace,
  type TokenCheck,
  type TokenSetInvalidError,
  type User,
  type UserData,
} from '../../src/index.js';

declare const client: AuthLiteClient;
const role = 'rol_adm_0000000000000001';

describe('results', () => {
  it('getUser answers the flattened user', () => {
    expectTypeOf(client.getUser('code')).resolves.toEqualTypeOf<User>();
    expectTypeOf<User['uid']>().toEqualTypeOf<string>();
    expectTypeOf<User['scope']>().toEqualTypeOf<string[]>();
    expectTypeOf<User['exp']>().toEqualTypeOf<number>();
    expectTypeOf<User>().not.toHaveProperty('sub');
  });

  it('getUserData types name and roles', async () => {
    const data = await client.getUserData('token');
    expectTypeOf(data).toEqualTypeOf<UserData>();
    expectTypeOf(data.roles).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(data.name).toEqualTypeOf<string | undefined>();
    expectTypeOf(data.uid).toEqualTypeOf<string>();
    expectTypeOf(data.roles?.includes(role)).toEqualTypeOf<boolean | undefined>();
  });

  it('token methods', () => {
    expectTypeOf(client.validateAccessToken('t')).resolves.toEqualTypeOf<boolean>();
    expectTypeOf(client.validateTokenSet('a', 'r')).resolves.toEqualTypeOf<TokenCheck>();
    expectTypeOf(client.getAccessTokenFromRefreshToken('r')).resolves.toEqualTypeOf<{ access_token: string; refresh_token: string }>();
    expectTypeOf(client.revokeToken({ accessToken: 'a' })).resolves.toEqualTypeOf<boolean>();
    // @ts-expect-error exactly one of the two tokens
    void client.revokeToken({});
  });
});

describe('role assignment overloads', () => {
  it('without sign-off: { uid, roles }', () => {
    expectTypeOf(client.attachRole('uid', role)).resolves.toEqualTypeOf<RoleAssignment>();
    expectTypeOf<RoleAssignment['roles']>().toEqualTypeOf<string[]>();
    expectTypeOf<RoleAssignment['uid']>().toEqualTypeOf<string>();
    expectTypeOf(client.removeRole('uid', [role])).resolves.toEqualTypeOf<RoleAssignment>();
    expectTypeOf(client.updateRole('uid', { add: [role], remove: role })).resolves.toEqualTypeOf<RoleAssignment>();
  });

  it('with sign-off: the new token pair', () => {
    const signoff = { signoffSessionAndAssign: true, accessToken: 'a', refreshToken: 'r' } as const;
    expectTypeOf(client.attachRole('uid', role, signoff)).resolves.toEqualTypeOf<SignOffSessionReplace>();
    expectTypeOf(client.updateRole('uid', { add: role, remove: [role] }, signoff)).resolves.toEqualTypeOf<SignOffSessionReplace>();
    // @ts-expect-error sign-off needs both tokens
    void client.attachRole('uid', role, { signoffSessionAndAssign: true, accessToken: 'a' });
  });

  it('updateRole needs both sides', () => {
    // @ts-expect-error remove is missing
    void client.updateRole('uid', { add: role });
  });
});

describe('roles', () => {
  it('query overloads', () => {
    expectTypeOf(client.roles.query()).resolves.toEqualTypeOf<Record<string, Permission[]>>();
    expectTypeOf(client.roles.query(role)).resolves.toEqualTypeOf<Permission[] | null>();
    expectTypeOf(client.roles.query(undefined, 'billing')).resolves.toEqualTypeOf<Record<string, string[]>>();
    expectTypeOf(client.roles.query(role, 'billing')).resolves.toEqualTypeOf<string[] | null>();
    expectTypeOf(client.roles.load()).resolves.toEqualTypeOf<RoleIndex>();
    expectTypeOf<RoleIndex['can']>().returns.toEqualTypeOf<boolean>();
  });
});

describe('options', () => {
  it('refuses an unknown option at compile time too', () => {
    // @ts-expect-error baseURL is not an option (baseUrl is)
    void new AuthLiteClient({ apiKey: 'k', secretKey: 's', baseURL: 'https://api.example' });
    // @ts-expect-error revokeAll is not an option (revokeAllTokens is)
    void client.revokeToken({ accessToken: 'a' }, { revokeAll: true });
  });
});

describe('errors', () => {
  it('isAuthLiteError narrows to the union, and by code to the class', () => {
    const error: unknown = new Error('x');
    if (isAuthLiteError(error)) expectTypeOf(error).toEqualTypeOf<AnyAuthLiteError>();
    if (isAuthLiteError(error, 'ERR_HTTP')) {
      expectTypeOf(error).toEqualTypeOf<HttpError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
    }
    if (isAuthLiteError(error, 'ERR_TOKEN_SET_INVALID')) expectTypeOf(error).toEqualTypeOf<TokenSetInvalidError>();
  });

  it('the union is discriminated by code', () => {
    const error = {} as AnyAuthLiteError;
    if (error.code === 'ERR_CONFIGURATION') expectTypeOf(error.option).toEqualTypeOf<string>();
    if (error.code === 'ERR_INVALID_INPUT') expectTypeOf(error.field).toEqualTypeOf<string>();
  });
});
