import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeExpected, describeIssue, issuePath } from '../../src/schemas/describe-issue.js';

function firstIssue(schema: v.GenericSchema, value: unknown): v.BaseIssue<unknown> {
  const result = v.safeParse(schema, value);
  if (result.success) throw new Error('accepted');
  return result.issues[0];
}

const roles = v.object({ permissions: v.array(v.object({ billing: v.string() })) });

describe('issuePath', () => {
  it('joins keys with dots and list indices in brackets', () => {
    const issue = firstIssue(roles, { permissions: [{ billing: 'read' }, { billing: 1 }] });
    expect(issuePath(issue)).toBe('permissions[1].billing');
    expect(issuePath(issue, 'role')).toBe('role.permissions[1].billing');
  });

  it('a list index comes right after the prefix', () => {
    expect(issuePath(firstIssue(v.array(v.string()), ['a', 2]), 'roleIds')).toBe('roleIds[1]');
  });

  it('the root is empty without a prefix and the prefix alone with one', () => {
    const issue = firstIssue(v.string(), 1);
    expect(issuePath(issue)).toBe('');
    expect(issuePath(issue, 'name')).toBe('name');
  });
});

describe('describeExpected', () => {
  it('a missing key reads as required, whichever object schema holds it', () => {
    expect(describeExpected(firstIssue(roles, { permissions: [{}] }))).toBe('a value (required)');
    expect(describeExpected(firstIssue(v.strictObject({ name: v.string() }), {}))).toBe('a value (required)');
    expect(describeExpected(firstIssue(v.looseObject({ name: v.string() }), {}))).toBe('a value (required)');
  });

  it('an undefined list item or a non-object below the root is the schema message, not "required"', () => {
    expect(describeExpected(firstIssue(v.array(v.string('a role id')), [undefined]))).toBe('a role id');
    expect(describeExpected(firstIssue(roles, { permissions: ['x'] }))).toBe('Invalid type: Expected Object');
  });

  it('a missing root object is the schema message, not "required"', () => {
    expect(describeExpected(firstIssue(roles, undefined))).toBe('Invalid type: Expected Object');
  });

  it("drops valibot's received tail, whatever it holds", () => {
    const issue = firstIssue(v.pipe(v.number(), v.maxValue(300)), 301);
    expect(issue.message).toBe('Invalid value: Expected <=300 but received 301');
    expect(describeExpected(issue)).toBe('Invalid value: Expected <=300');
    expect(describeExpected(firstIssue(v.literal('a'), 'tok_secret'))).toBe('Invalid type: Expected "a"');
  });

  it('keeps a custom message whole', () => {
    expect(describeExpected(firstIssue(v.string('a URL string'), 1))).toBe('a URL string');
  });
});

describe('describeIssue', () => {
  it("names the path and valibot's expected type, never the value", () => {
    expect(describeIssue(firstIssue(roles, { permissions: [{ billing: 7 }] }))).toBe('permissions[0].billing: expected string');
  });

  it('an issue at the root is named (root)', () => {
    expect(describeIssue(firstIssue(roles, 'tok_secret'))).toBe('(root): expected Object');
  });

  it('a check without an expected type falls back to its message', () => {
    const issue = firstIssue(
      v.pipe(
        v.string(),
        v.check(() => false, 'a JSON-encoded string'),
      ),
      '{',
    );
    expect(issue.expected).toBeNull();
    expect(describeIssue(issue)).toBe('(root): expected a JSON-encoded string');
  });

  it('a missing key reads as required, not as the key name', () => {
    expect(describeIssue(firstIssue(roles, { permissions: [{}] }))).toBe('permissions[0].billing: expected a value (required)');
  });
});
