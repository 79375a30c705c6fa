import * as v from 'valibot';
import { UnexpectedAnswerError } from '../errors/authlite-error.ts';
import { describeIssue } from '../schemas/describe-issue.ts';

/**
 * Checks an answer body against its schema.
 * @throws UnexpectedAnswerError naming the path and the first mismatch (never the value).
 */
export function expectShape<S extends v.GenericSchema>(schema: S, body: unknown, path: string): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (!result.success) throw new UnexpectedAnswerError(path, describeIssue(result.issues[0]));
  return result.output;
}
