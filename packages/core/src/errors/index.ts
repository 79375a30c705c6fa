export * from './authlite-error.ts';
export * from './is-authlite-error.ts';
export { redact } from './redact.ts';
