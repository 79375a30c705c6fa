import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../src/schemas/describe-issue.js';
import { toUser, UserClaimsSchema } from '../../src/schemas/user.js';

// toUser reads claims of the documented shape directly and sends any other through
// UserClaimsSchema. This is the schema alone, as toUser was before: both must give the same
// user (same keys in the same order) or the same description, for every claims object.
function bySchema(claims: unknown): unknown {
  const parsed = v.safeParse(UserClaimsSchema, claims);
  if (!parsed.success) return describeIssue(parsed.issues[0]);
  const { sub, ...rest } = parsed.output;
  return { ...rest, email: sub.email, uid: sub.uid };
}

const notAString = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}));
const text = fc.oneof(fc.string(), notAString);
const number = fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN), fc.constant('1'), fc.constant(undefined), fc.constant(null));
const jsonText = (values: fc.Arbitrary<unknown>) => values.map((value) => JSON.stringify(value) ?? 'undefined');
const scope = fc.oneof(
  jsonText(fc.array(fc.string())),
  jsonText(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)))),
  jsonText(fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.dictionary(fc.string(), fc.string()))),
  fc.constant('[not json'),
  notAString,
);
const sub = fc.oneof(
  jsonText(fc.record({ email: fc.string(), uid: fc.string() })),
  jsonText(fc.record({ email: fc.string(), uid: fc.string(), extra: fc.string() })),
  jsonText(fc.record({ email: text, uid: fc.oneof(fc.constant(''), text) }, { requiredKeys: [] })),
  jsonText(fc.oneof(fc.constant(null), fc.constant([]), fc.array(fc.string()), fc.string(), fc.integer())),
  fc.constant('{not json'),
  notAString,
);
const claims = fc.record(
  {
    iss: text,
    jti: text,
    access_token: text,
    refresh_token: text,
    type: text,
    exp: number,
    refresh_exp: number,
    iat: number,
    scope,
    img: text,
    name: text,
    sub,
    other: fc.anything(),
  },
  { requiredKeys: [] },
);
// Claims of the documented shape but for at most one field, so that every field's check is met alone.
const valid = {
  iss: 'https://api.trustauthx.com',
  jti: 'j1',
  access_token: 'a',
  refresh_token: 'r',
  type: 'bearer',
  exp: 4_102_444_800,
  refresh_exp: 4_102_444_800,
  iat: 1_700_000_000,
  scope: '["openid"]',
  img: '',
  name: 'Alice',
  sub: '{"email":"alice@example.com","uid":"u1"}',
};
const oneFieldOff = fc
  .record({ field: fc.constantFrom(...(Object.keys(valid) as (keyof typeof valid)[])), value: fc.oneof(text, number, scope, sub) })
  .map(({ field, value }) => ({ ...valid, [field]: value }));

const sameAsSchema = (input: unknown) => {
  const read = toUser(input);
  const reference = bySchema(input);
  expect(read).toStrictEqual(reference);
  if (typeof read === 'object') expect(Object.keys(read)).toEqual(Object.keys(reference as object));
};

describe('toUser and UserClaimsSchema', () => {
  it('give the same user, or the same description, for any claims', () => {
    fc.assert(fc.property(claims, sameAsSchema), { numRuns: 2000 });
  });

  it('agree when one field of well-formed claims is off', () => {
    fc.assert(fc.property(oneFieldOff, sameAsSchema), { numRuns: 3000 });
  });

  it('agree on well-formed claims, on non-objects, and on each boundary', () => {
    for (const input of [
      valid,
      { ...valid, other: 1 },
      { ...valid, exp: Number.NaN },
      { ...valid, exp: Number.POSITIVE_INFINITY },
      { ...valid, sub: '{"email":"e","uid":""}' },
      { ...valid, sub: '{"email":"e","uid":"u","x":1}' },
      { ...valid, sub: '[]' },
      { ...valid, sub: 'null' },
      { ...valid, scope: '[]' },
      { ...valid, scope: '["a",1]' },
      { ...valid, scope: '{}' },
      null,
      'claims',
      [],
    ]) {
      sameAsSchema(input);
    }
    expect(toUser(valid)).toEqual({ ...valid, scope: ['openid'], sub: undefined, email: 'alice@example.com', uid: 'u1' });
  });
});
