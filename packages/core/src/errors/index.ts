export * from './authlite-error.js';
export * from './is-authlite-error.js';
export { redact } from './redact.js';
