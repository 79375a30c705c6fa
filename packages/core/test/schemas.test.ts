import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AuthLiteClient, ConfigurationError, ValidationError } from '../src/index.js';
import { CallbackUrlSchema, PermissionsInputSchema, RevokeTargetSchema, RoleIdsSchema } from '../src/schemas/inputs.js';
import { isLoopbackHost } from '../src/schemas/options.js';
import { parseInput } from '../src/schemas/parse-input.js';
import { PermissionSchema } from '../src/schemas/permission.js';

// The input and answer schemas at their edges (pure functions, no server): the guards that
// `pnpm test:mutation` mutates in src/schemas.
const ok = (schema: v.GenericSchema, value: unknown) => v.safeParse(schema, value).success;
const base = { apiKey: 'api-key-0001', secretKey: 'secret-key-0001' };
const optionAtFault = (options: Record<string, unknown>) => {
  try {
    new AuthLiteClient({ ...base, ...options } as never);
    return 'accepted';
  } catch (error) {
    return error instanceof ConfigurationError ? error.option : `other: ${String(error)}`;
  }
};

describe('client options', () => {
  it('loopback hosts: localhost, [::1] and 127.x.y.z only', () => {
    for (const host of ['localhost', '[::1]', '127.0.0.1', '127.10.200.3']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['example.com', 'localhost.example.com', 'x127.0.0.1', '127.0.0.1.example.com', '127.0.0.1234', '128.0.0.1', '']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('baseUrl and widgetUrl: https anywhere, plain http on loopback only', () => {
    for (const url of ['https://api.example.com', 'http://127.0.0.1:8787', 'http://localhost:3000', 'http://[::1]:1']) {
      expect(optionAtFault({ baseUrl: url }), url).toBe('accepted');
      expect(optionAtFault({ widgetUrl: url }), url).toBe('accepted');
    }
    expect(optionAtFault({ baseUrl: 'xhttps://api.example.com', allowInsecureHttp: true })).toBe('baseUrl');
    expect(optionAtFault({ baseUrl: 'http://api.example.com', allowInsecureHttp: true })).toBe('accepted');
    expect(optionAtFault({ baseUrl: 'http://api.example.com', allowInsecureHttp: false })).toBe('baseUrl');
    for (const url of ['http://api.example.com', 'ftp://127.0.0.1', 'not a url', 'javascript:alert(1)']) {
      expect(optionAtFault({ baseUrl: url }), url).toBe('baseUrl');
      expect(optionAtFault({ widgetUrl: url }), url).toBe('widgetUrl');
    }
  });

  it('roleStore needs get and set functions; fetch and clock must be functions', () => {
    expect(optionAtFault({ roleStore: { get: () => undefined, set: () => undefined } })).toBe('accepted');
    expect(optionAtFault({ roleStore: Object.assign(() => undefined, { get: () => undefined, set: () => undefined }) })).toBe('roleStore');
    for (const store of [
      null,
      'store',
      { get: () => undefined },
      { set: () => undefined },
      { get: 1, set: () => undefined },
      { get: () => undefined, set: 1 },
    ]) {
      expect(optionAtFault({ roleStore: store }), JSON.stringify(store)).toBe('roleStore');
    }
    expect(optionAtFault({ fetch: (input: RequestInfo) => fetch(input) })).toBe('accepted');
    expect(optionAtFault({ fetch: 'fetch' })).toBe('fetch');
    expect(optionAtFault({ clock: { nowMs: () => 0 } })).toBe('accepted');
    expect(optionAtFault({ clock: 0 })).toBe('clock');
    expect(optionAtFault({ clock: null })).toBe('clock');
    expect(optionAtFault({ clock: {} })).toBe('clock');
    expect(optionAtFault({ clock: { nowMs: 5 } })).toBe('clock');
    expect(optionAtFault({ clock: Object.assign(() => 0, { nowMs: () => 0 }) })).toBe('clock');
    expect(optionAtFault({ clock: { nowMs: () => 0, wait: async () => undefined } })).toBe('accepted');
    expect(optionAtFault({ clock: { nowMs: () => 0, wait: 5 } })).toBe('clock');
  });

  it('sharedRefreshGrace needs remember and recall functions on an object', () => {
    const remember = async () => undefined;
    const recall = async () => undefined;
    expect(optionAtFault({ sharedRefreshGrace: { remember, recall } })).toBe('accepted');
    for (const grace of [
      null,
      'grace',
      Object.assign(() => undefined, { remember, recall }),
      { recall },
      { remember },
      { remember: 1, recall },
      { remember, recall: 1 },
    ]) {
      expect(optionAtFault({ sharedRefreshGrace: grace }), String(grace)).toBe('sharedRefreshGrace');
    }
    let message = 'accepted';
    try {
      new AuthLiteClient({ ...base, sharedRefreshGrace: {} } as never);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Invalid option "sharedRefreshGrace": expected an object with remember and recall methods');
  });
});

describe('permissions and callback URLs', () => {
  it('a permission has exactly one key', () => {
    expect(ok(PermissionSchema, { billing: 'write' })).toBe(true);
    expect(ok(PermissionSchema, {})).toBe(false);
    expect(ok(PermissionSchema, { billing: 'write', reports: 'read' })).toBe(false);
  });

  it('an object of permission entries holds 1 to 100 entries', () => {
    const entries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(ok(PermissionsInputSchema, entries(1))).toBe(true);
    expect(ok(PermissionsInputSchema, entries(100))).toBe(true);
    expect(ok(PermissionsInputSchema, entries(0))).toBe(false);
    expect(ok(PermissionsInputSchema, entries(101))).toBe(false);
  });

  it('a callback URL starts with http: or https:', () => {
    for (const url of ['http://localhost:3000/cb', 'https://app.example/cb', 'HTTPS://APP.EXAMPLE/cb'])
      expect(ok(CallbackUrlSchema, url), url).toBe(true);
    for (const url of ['ftp://example.com/https://x', 'javascript:alert(1)//http://x', 'data:text/html,http:'])
      expect(ok(CallbackUrlSchema, url), url).toBe(false);
  });
});

/** The field and message of the ValidationError `schema` throws for `value` as argument `field`, or "accepted". */
const refusal = (schema: v.GenericSchema, value: unknown, field: string) => {
  try {
    parseInput(schema, value, field);
    return 'accepted';
  } catch (error) {
    return error instanceof ValidationError ? `${error.field}: ${error.message}` : `other: ${String(error)}`;
  }
};

describe('the revoke target: exactly one of accessToken or refreshToken', () => {
  const exactlyOne = 'target: Invalid argument "target": expected an object with exactly one of accessToken or refreshToken';
  it('accepts either token alone', () => {
    expect(refusal(RevokeTargetSchema, { accessToken: 'a' }, 'target')).toBe('accepted');
    expect(refusal(RevokeTargetSchema, { refreshToken: 'r' }, 'target')).toBe('accepted');
  });

  it.each([
    ['a number', 1],
    ['null', null],
    ['no key', {}],
    ['both tokens', { accessToken: 'a', refreshToken: 'r' }],
    ['an extra key after', { accessToken: 'a', extra: 1 }],
    ['an extra key before', { extra: 1, refreshToken: 'r' }],
    ['another key', { token: 'a' }],
    ['a function carrying the key', Object.assign(() => undefined, { accessToken: 'a' })],
  ])('refuses %s as a whole, before looking at the token', (_case, value) => {
    expect(refusal(RevokeTargetSchema, value, 'target')).toBe(exactlyOne);
  });

  it('a bad token is named by its key', () => {
    expect(refusal(RevokeTargetSchema, { accessToken: 1 }, 'target')).toBe(
      'target.accessToken: Invalid argument "target.accessToken": expected a string',
    );
    expect(refusal(RevokeTargetSchema, { refreshToken: 'a b' }, 'target')).toBe(
      'target.refreshToken: Invalid argument "target.refreshToken": expected printable ASCII without spaces',
    );
  });
});

describe('one or many: the type of the argument picks the schema', () => {
  it('role ids: a string is one role id, anything else a list', () => {
    expect(refusal(RoleIdsSchema, 'rol_bad', 'roleIds')).toBe(
      'roleIds: Invalid argument "roleIds": expected a role id of the form rol_XXX_<16 hex>',
    );
    expect(refusal(RoleIdsSchema, [1], 'roleIds')).toBe('roleIds[0]: Invalid argument "roleIds[0]": expected a string');
    expect(refusal(RoleIdsSchema, 7, 'roleIds')).toBe(
      'roleIds: Invalid argument "roleIds": expected a role id or a non-empty list of role ids',
    );
  });

  it('permissions: an array is a list of permissions, anything else an object of entries', () => {
    expect(refusal(PermissionsInputSchema, [], 'permissions')).toBe(
      'permissions: Invalid argument "permissions": expected at least one permission',
    );
    const list = (n: number) => Array.from({ length: n }, (_, i) => ({ [`k${i}`]: 'v' }));
    expect(refusal(PermissionsInputSchema, list(100), 'permissions')).toBe('accepted');
    expect(refusal(PermissionsInputSchema, list(101), 'permissions')).toBe(
      'permissions: Invalid argument "permissions": expected at most 100 permissions',
    );
    expect(refusal(PermissionsInputSchema, { billing: 1 }, 'permissions')).toBe(
      'permissions.billing: Invalid argument "permissions.billing": expected a string',
    );
    expect(refusal(PermissionsInputSchema, {}, 'permissions')).toBe(
      'permissions: Invalid argument "permissions": expected 1 to 100 permission entries',
    );
    expect(refusal(PermissionsInputSchema, 'billing', 'permissions')).toBe(
      'permissions: Invalid argument "permissions": expected a list of permissions or an object of permission entries',
    );
  });
});

describe('http(s) URLs: one check for baseUrl, widgetUrl and callback URLs', () => {
  it('a callback URL is at most 2048 characters', () => {
    const url = (length: number) => `https://app.example/${'x'.repeat(length - 20)}`;
    expect(url(2048)).toHaveLength(2048);
    expect(refusal(CallbackUrlSchema, url(2048), 'url')).toBe('accepted');
    expect(refusal(CallbackUrlSchema, url(2049), 'url')).toBe('url: Invalid argument "url": expected at most 2048 characters');
  });

  it.each(['not a url', 'ftp://example.com', 'http:', ' https://api.example.com', 'ht\ttps://api.example.com'])('refuses %j', (url) => {
    expect(refusal(CallbackUrlSchema, url, 'url')).toBe('url: Invalid argument "url": expected an http(s) URL');
    let message = 'accepted';
    try {
      new AuthLiteClient({ ...base, baseUrl: url } as never);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Invalid option "baseUrl": expected an http(s) URL');
  });
});
