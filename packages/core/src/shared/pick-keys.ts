/**
 * Only the named keys of a method's options object, so that `signal` and friends do not meet
 * the option schemas. A non-object is returned as is, for the schema to refuse.
 */
export function pickKeys(options: object | undefined, ...keys: string[]): Record<string, unknown> | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) return options;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in options) out[key] = (options as Record<string, unknown>)[key];
  return out;
}
