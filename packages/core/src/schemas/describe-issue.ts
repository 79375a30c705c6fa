import type * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;

/**
 * Where an issue is, appended to `prefix`: keys as `.key` (no dot at the start), list
 * indices as `[n]`; for example `permissions[1].billing`. Empty for the root without prefix.
 */
export function issuePath(issue: Issue, prefix = ''): string {
  let out = prefix;
  for (const item of issue.path ?? []) {
    out += typeof item.key === 'number' ? `[${item.key}]` : `${out ? '.' : ''}${String(item.key)}`;
  }
  return out;
}

/**
 * What an argument's issue expected, in words that never repeat the received value: "a value
 * (required)" for a missing key, else the schema's own message (every input schema has one)
 * without valibot's "but received …" tail.
 */
export function describeExpected(issue: Issue): string {
  // valibot reports a missing key as an issue of the enclosing object schema (object, loose_object,
  // strict_object, object_with_rest; no action's type ends so) with no input, at the key's path.
  if (issue.type.endsWith('object') && issue.input === undefined && issue.path) return 'a value (required)';
  return issue.message.replace(/ but received[\s\S]*/, '');
}

/**
 * One line naming where and what an answer's issue expected, never the received value (it may
 * be a token): the answer schemas carry no messages, so valibot's `expected` (`string`) is used.
 */
export function describeIssue(issue: Issue): string {
  const expected = describeExpected(issue);
  return `${issuePath(issue) || '(root)'}: expected ${expected === 'a value (required)' ? expected : (issue.expected ?? expected)}`;
}
