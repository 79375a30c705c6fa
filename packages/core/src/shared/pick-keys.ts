import { refuseUnknownKeys } from './known-keys.ts';

/**
 * Only the named keys of a method's options object, so that `signal` does not meet the option
 * schemas. A non-object is returned as is, for the schema to refuse.
 * @throws ConfigurationError for a key that is neither named nor `signal` (see `refuseUnknownKeys`).
 */
export function pickKeys(options: object | undefined, ...keys: string[]): Record<string, unknown> | undefined {
  refuseUnknownKeys(options, ['signal', ...keys]);
  // `undefined` included.
  if (typeof options !== 'object' || options === null) return options;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in options) out[key] = (options as Record<string, unknown>)[key];
  return out;
}
