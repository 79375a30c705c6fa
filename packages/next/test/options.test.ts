import { AuthLiteClient, ConfigurationError } from '@authlite/core';
import { describe, expect, it } from 'vitest';
import { type AuthLiteNextOptions, createAuthLite } from '../src/index.js';

const client = () => new AuthLiteClient({ apiKey: 'k'.repeat(52), secretKey: 's'.repeat(64), orgId: 'o'.repeat(64) });

function optionAtFault(options: unknown): string | undefined {
  try {
    createAuthLite(options as AuthLiteNextOptions);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).option;
  }
}

describe('createAuthLite options', () => {
  it('accepts the minimal options', () => {
    expect(optionAtFault({ client, routes: [] })).toBeUndefined();
  });

  it.each([
    ['options', null],
    ['client', { routes: [] }],
    ['routes', { client }],
    ['routes[0]', { client, routes: [null] }],
    ['routes[0].path', { client, routes: [{ path: 'admin' }] }],
    ['routes[0].permission', { client, routes: [{ path: '/a', permission: { key: 'k' } }] }],
    ['afterLoginPath', { client, routes: [], afterLoginPath: '//evil.example' }],
    ['afterLoginPath', { client, routes: [], afterLoginPath: 'https://evil.example/' }],
    ['afterLogoutPath', { client, routes: [], afterLogoutPath: '/\\evil.example' }],
    ['sessionCacheTtl', { client, routes: [], sessionCacheTtl: -1 }],
    ['sessionCacheTtl', { client, routes: [], sessionCacheTtl: 3601 }],
    ['sessionCacheTtl', { client, routes: [], sessionCacheTtl: Number.NaN }],
    // Removed: the rotation record is the client's (`refreshGracePeriod`); any value is refused.
    ['refreshGrace', { client, routes: [], refreshGrace: 10 }],
    ['refreshGrace', { client, routes: [], refreshGrace: 0 }],
    ['rolesOf', { client, routes: [], rolesOf: 'roles' }],
    ['now', { client, routes: [], now: 5 }],
    ['cookies.access', { client, routes: [], cookies: { access: 'a b' } }],
    ['cookies', { client, routes: [], cookies: { access: 'x', refresh: 'x' } }],
    ['cookies.maxAge', { client, routes: [], cookies: { maxAge: 0 } }],
    ['cookies.secure', { client, routes: [], cookies: { secure: 'yes' } }],
  ])('names %s when it is wrong', (option, options) => {
    expect(optionAtFault(options)).toBe(option);
  });

  it('makes the client once, on first use', async () => {
    let made = 0;
    const auth = createAuthLite({
      client: () => {
        made++;
        return client();
      },
      routes: [{ path: '/a' }],
    });
    expect(made).toBe(0);
    await auth.handlers.login.GET(new Request('http://localhost/auth/login'));
    await auth.handlers.login.GET(new Request('http://localhost/auth/login'));
    expect(made).toBe(1);
  });
});
