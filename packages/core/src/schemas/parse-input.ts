import * as v from 'valibot';
import { ValidationError } from '../errors/authlite-error.ts';
import { describeExpected, issuePath } from './describe-issue.ts';

/**
 * Validates one argument. Returns the parsed value or throws {@link ValidationError} naming
 * `field` (and the path inside it) and what was expected; the value itself is never repeated.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, value: unknown, field: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new ValidationError(issuePath(issue, field), describeExpected(issue));
}
