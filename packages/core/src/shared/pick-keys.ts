import { ValidationError } from '../errors/authlite-error.js';
import { didYouMean } from './near-miss.js';

/**
 * The named keys of a method's options object, so that `signal` does not meet strict
 * schemas. A key that is neither named nor `signal` is a typo, never dropped silently. A
 * non-object is returned as is, for the schema to refuse.
 * @throws ValidationError naming the unknown option and its near miss (`did you mean …`).
 */
export function pickKeys(options: object | undefined, ...keys: string[]): Record<string, unknown> | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) return options;
  for (const key of Object.keys(options)) {
    if (key !== 'signal' && !keys.includes(key)) {
      throw new ValidationError(`options.${key}`, `a known option${didYouMean(key, [...keys, 'signal'])}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in options) out[key] = (options as Record<string, unknown>)[key];
  return out;
}
