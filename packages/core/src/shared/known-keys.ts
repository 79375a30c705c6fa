import { ConfigurationError } from '../errors/authlite-error.ts';
import { didYouMean } from './near-miss.ts';

/** The keys of `CallOptions`: what a method that takes only call options accepts. */
const CALL_KEYS: readonly string[] = ['signal'];

/**
 * Refuses an options object holding a key outside `known`, before any request: a misspelt
 * key (`sginal`) would otherwise be dropped silently, and the call run without it.
 * `undefined` and non-objects pass (their own checks refuse them). `known` defaults to the
 * keys of `CallOptions` (`['signal']`).
 * @throws ConfigurationError naming the first unknown key and its near miss ("did you mean").
 */
export function refuseUnknownKeys(options: unknown, known: readonly string[] = CALL_KEYS): void {
  if (typeof options !== 'object' || options === null) return;
  for (const key of Object.keys(options))
    if (!known.includes(key)) throw new ConfigurationError(key, `Unknown option "${key}"${didYouMean(key, known)}`);
}
