export * from './authlite-error.js';
export { redact } from './redact.js';
