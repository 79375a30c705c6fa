import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AuthLiteClient, ConfigurationError } from '../src/index.js';
import { describeExpected, describeIssue, issuePath } from '../src/schemas/describe-issue.js';
import { CallbackUrlSchema, PermissionsInputSchema } from '../src/schemas/inputs.js';
import { isLoopbackHost } from '../src/schemas/options.js';
import { PermissionSchema } from '../src/schemas/permission.js';
import { toUser } from '../src/schemas/user.js';

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
    for (const store of [null, 'store', { get: () => undefined }, { set: () => undefined }, { get: 1, set: () => undefined }, { get: () => undefined, set: 1 }]) {
      expect(optionAtFault({ roleStore: store }), JSON.stringify(store)).toBe('roleStore');
    }
    expect(optionAtFault({ fetch: (input: RequestInfo) => fetch(input) })).toBe('accepted');
    expect(optionAtFault({ fetch: 'fetch' })).toBe('fetch');
    expect(optionAtFault({ clock: () => 0 })).toBe('accepted');
    expect(optionAtFault({ clock: 0 })).toBe('clock');
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
    for (const url of ['http://localhost:3000/cb', 'https://app.example/cb', 'HTTPS://APP.EXAMPLE/cb']) expect(ok(CallbackUrlSchema, url), url).toBe(true);
    for (const url of ['ftp://example.com/https://x', 'javascript:alert(1)//http://x', 'data:text/html,http:']) expect(ok(CallbackUrlSchema, url), url).toBe(false);
  });
});

describe('issue descriptions never repeat the value', () => {
  const issueOf = (schema: v.GenericSchema, value: unknown) => {
    const result = v.safeParse(schema, value);
    if (result.success) throw new Error('expected an issue');
    return result.issues[0];
  };

  it('paths: keys with dots, indices in brackets, after a prefix', () => {
    const issue = issueOf(v.object({ a: v.array(v.object({ b: v.string() })) }), { a: [{ b: 'x' }, { b: 5 }] });
    expect(issuePath(issue)).toBe('a[1].b');
    expect(issuePath(issue, 'options')).toBe('options.a[1].b');
    expect(issuePath(undefined)).toBe('');
    expect(issuePath(undefined, 'field')).toBe('field');
  });

  it('a missing key is "a value (required)", in objects and strict objects; a wrong type names the type', () => {
    expect(describeExpected(issueOf(v.object({ a: v.string() }), {}))).toBe('a value (required)');
    expect(describeExpected(issueOf(v.strictObject({ a: v.string() }), {}))).toBe('a value (required)');
    expect(describeExpected(issueOf(v.object({ a: v.string() }), { a: 5 }))).toBe('string');
    expect(describeExpected(issueOf(v.object({ a: v.string() }), { a: null }))).toBe('string');
    expect(describeExpected(issueOf(v.object({ a: v.string() }), undefined))).toBe('Object');
    expect(describeExpected(issueOf(v.object({ a: v.object({ b: v.string() }) }), { a: 5 }))).toBe('Object');
    expect(describeExpected(undefined)).toBe('a valid value');
    // A key present but undefined is a wrong type, not a missing key.
    expect(describeExpected(issueOf(v.object({ a: v.string() }), { a: undefined }))).toBe('string');
  });

  it('a custom message is used as it is; a default message gives its expectation, never the received value', () => {
    expect(describeExpected(issueOf(v.string('a token string'), 5))).toBe('a token string');
    expect(describeExpected(issueOf(v.pipe(v.string(), v.minLength(3)), 'secret'.slice(0, 1)))).toBe('>=3');
    const fake = (message: string) => ({ kind: 'validation', type: 'check', input: 'x', expected: null, received: 'x', message }) as unknown as v.BaseIssue<unknown>;
    expect(describeExpected(fake('a value but received the-secret-token'))).toBe('a value');
    expect(describeExpected(fake('a value but received a b\nc'))).toBe('a value');
    expect(describeExpected(fake('a value but received x'))).toBe('a value');
  });

  it('one line: the path or (root), then what was expected', () => {
    expect(describeIssue(issueOf(v.object({ a: v.string() }), {}))).toBe('a: expected a value (required)');
    expect(describeIssue(issueOf(v.string('a string'), 5))).toBe('(root): expected a string');
  });

  it('a user claim that is not JSON says so', () => {
    expect(toUser({ sub: 'not json' })).toMatch(/^iss: expected/);
    const claims = { iss: 'i', jti: 'j', access_token: 'a', refresh_token: 'r', type: 'bearer', exp: 2, refresh_exp: 3, iat: 1, scope: '["openid"]', img: '', name: 'n' };
    expect(toUser({ ...claims, sub: 'not json' })).toBe('sub: expected sub is not JSON');
    expect(toUser({ ...claims, sub: '{"email":"e@x","uid":"u"}' })).toMatchObject({ email: 'e@x', uid: 'u', scope: ['openid'] });
  });
});
