/** A failed expectation of the scenario. Its message names what was expected, never a key or token. */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

/** Throws {@link CheckFailure} with `what` unless `condition` holds. */
export function expect(condition: boolean, what: string): asserts condition {
  if (!condition) throw new CheckFailure(`expected ${what}`);
}

/** The error `fn` throws (synchronously or by rejecting); a {@link CheckFailure} when it does not throw. */
export async function thrownBy(fn: () => unknown, what: string): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new CheckFailure(`expected ${what} to throw`);
}

/** Every text an error exposes: message, `String()`, JSON of its enumerable fields, and the same for its causes. */
export function exposedText(error: unknown, depth = 0): string {
  if (typeof error !== 'object' || error === null || depth > 4) return String(error);
  const parts = [String(error), (error as { message?: unknown }).message, (error as { stack?: unknown }).stack];
  try {
    parts.push(JSON.stringify(error));
  } catch {
    parts.push('(unserialisable)');
  }
  for (const value of Object.values(error)) parts.push(typeof value === 'object' ? exposedText(value, depth + 1) : String(value));
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) parts.push(exposedText(cause, depth + 1));
  return parts.map(String).join('\n');
}

/** `error` as one line for a report: its name, `code` and message, with every secret cut out. */
export function describeError(error: unknown, secrets: Iterable<string>): string {
  const e = error as { name?: unknown; code?: unknown; message?: unknown };
  let text =
    typeof error === 'object' && error !== null
      ? `${String(e.name)}${e.code ? ` ${String(e.code)}` : ''}: ${String(e.message)}`
      : String(error);
  for (const secret of secrets) if (secret) text = text.split(secret).join('[secret]');
  return text;
}
