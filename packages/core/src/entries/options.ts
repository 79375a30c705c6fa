/**
 * `@authlite/core/options`: the options check of core's own methods, for packages built on
 * it (the session layer, framework adapters), so that every options object of the SDK refuses
 * a misspelt key the same way: a `ConfigurationError` naming it and its near miss.
 * @module
 */
export { refuseUnknownKeys } from '../shared/known-keys.ts';
