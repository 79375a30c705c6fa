import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/authlite-error.js';
import { describeIssue } from '../../src/schemas/describe-issue.js';
import { RoleIdsSchema, TokenSchema } from '../../src/schemas/inputs.js';
import { parseInput } from '../../src/schemas/parse-input.js';
import { toUser, UserClaimsSchema } from '../../src/schemas/user.js';

function rejection(schema: v.GenericSchema, value: unknown, field: string): { field: string; message: string } {
  try {
    parseInput(schema, value, field);
  } catch (error) {
    if (error instanceof ValidationError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

const claims = {
  iss: 'https://api.example',
  jti: 'j1',
  access_token: 'a',
  refresh_token: 'r',
  type: 'bearer',
  exp: 2,
  refresh_exp: 3,
  iat: 1,
  scope: '["openid","email"]',
  img: 'https://img',
  name: 'Alice',
  sub: '{"email":"alice@example.com","uid":"u1"}',
};

describe('input schemas', () => {
  it('name the path and what was expected, in our words, never the value', () => {
    expect(rejection(TokenSchema, 'has space', 'accessToken')).toEqual({
      field: 'accessToken',
      message: 'Invalid argument "accessToken": expected printable ASCII without spaces',
    });
    expect(rejection(RoleIdsSchema, [], 'roleIds').message).toBe('Invalid argument "roleIds": expected a non-empty list of role ids');
    expect(rejection(RoleIdsSchema, ['rol_abc_000000000000000g'], 'roleIds')).toEqual({
      field: 'roleIds[0]',
      message: 'Invalid argument "roleIds[0]": expected a role id of the form rol_XXX_<16 hex>',
    });
  });

  it('a list of more than 100 role ids names the limit', () => {
    const ids = Array.from({ length: 101 }, (_, i) => `rol_abc_${i.toString(16).padStart(16, '0')}`);
    expect(rejection(RoleIdsSchema, ids, 'roleIds').message).toBe('Invalid argument "roleIds": expected at most 100 role ids');
  });
});

describe('toUser', () => {
  it('flattens sub into email and uid and parses scope', () => {
    const user = toUser(claims);
    expect(user).toMatchObject({ email: 'alice@example.com', uid: 'u1', scope: ['openid', 'email'], name: 'Alice' });
    expect(user).not.toHaveProperty('sub');
  });
});

function claimsIssue(value: unknown): string {
  const result = v.safeParse(UserClaimsSchema, value);
  if (result.success) throw new Error('accepted');
  return describeIssue(result.issues[0]);
}

describe('describeIssue', () => {
  it('a missing claim reads as required (not `expected "access_token"`)', () => {
    const { access_token: _, ...missing } = claims;
    expect(claimsIssue(missing)).toBe('access_token: expected a value (required)');
  });

  it('a wrong type names the expected type without the received value', () => {
    expect(claimsIssue({ ...claims, exp: 'secret-looking' })).toBe('exp: expected number');
  });

  it('a JSON-string claim that is not JSON says so', () => {
    expect(claimsIssue({ ...claims, sub: 'not json' })).toBe('sub: expected sub as a JSON-encoded string');
  });
});
