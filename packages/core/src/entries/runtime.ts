/**
 * `@authlite/core/runtime`: which JavaScript runtime the code runs in, as the client's
 * browser guard decides it.
 * @module
 */
export { detectRuntime, isBrowserRuntime, type RuntimeName } from '../runtime/detect-runtime.ts';
