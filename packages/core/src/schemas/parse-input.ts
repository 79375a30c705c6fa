import * as v from 'valibot';
import { ValidationError } from '../errors/authlite-error.js';

/**
 * Validates one argument. Returns the parsed value or throws {@link ValidationError} naming
 * `field` (and the path inside it) and what was expected; the value itself is never repeated.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, value: unknown, field: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = (issue?.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('');
  throw new ValidationError(`${field}${path}`, describeExpected(issue));
}

/**
 * What an issue expected, in words that never repeat the received value: "a value (required)"
 * for a missing key, else the schema's own message without valibot's "but received …" tail.
 */
export function describeExpected(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'a valid value';
  if (issue.kind === 'schema' && issue.type.endsWith('object') && issue.input === undefined && issue.path?.length) {
    return 'a value (required)';
  }
  return issue.message.replace(/ but received[\s\S]*$/, '');
}
