import type * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;

/**
 * Where an issue is, appended to `prefix`: keys as `.key` (no dot at the start), list
 * indices as `[n]`; for example `permissions[1].billing`. Empty for the root without prefix.
 */
export function issuePath(issue: Issue | undefined, prefix = ''): string {
  let out = prefix;
  for (const item of issue?.path ?? []) {
    out += typeof item.key === 'number' ? `[${item.key}]` : `${out ? '.' : ''}${String(item.key)}`;
  }
  return out;
}

/**
 * What an issue expected, in words that never repeat the received value: "a value
 * (required)" for a missing key, the schema's own message when it has one, else valibot's
 * `expected` (as `string`, `>=1`).
 */
export function describeExpected(issue: Issue | undefined): string {
  if (!issue) return 'a valid value';
  // Stryker disable next-line ConditionalExpression: equivalent for the kind, only schema issues have a type ending in "object".
  if (issue.kind === 'schema' && issue.type.endsWith('object') && issue.input === undefined && issue.path?.length) {
    return 'a value (required)';
  }
  // Stryker disable next-line Regex: equivalent, valibot's default messages start with "Invalid"; a custom one with it inside is not written.
  if (issue.expected && /^Invalid \w+: Expected /.test(issue.message)) return issue.expected;
  // Stryker disable next-line Regex: equivalent, the greedy tail reaches the end with or without "$".
  return issue.message.replace(/ but received[\s\S]*$/, '');
}

/** One line naming where and what was expected, never the received value (it may be a token). */
export function describeIssue(issue: Issue | undefined): string {
  return `${issuePath(issue) || '(root)'}: expected ${describeExpected(issue)}`;
}
