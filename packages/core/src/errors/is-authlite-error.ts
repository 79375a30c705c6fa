import {
  type AnswerTooLargeError,
  AUTHLITE_ERROR_BRAND,
  type AuthLiteErrorCode,
  type ConfigurationError,
  type HttpError,
  type InvalidSignedAnswerError,
  type NetworkError,
  type RedirectError,
  type RefreshOutcomeUnknownError,
  type TimeoutError,
  type TokenSetInvalidError,
  type UnexpectedAnswerError,
  type ValidationError,
} from './authlite-error.ts';

/**
 * Every error `@authlite/core` throws, as a union discriminated by `code` (as jose's
 * `AnyJOSEError`): `switch (error.code)` narrows to the class.
 */
export type AnyAuthLiteError =
  | ConfigurationError
  | ValidationError
  | HttpError
  | InvalidSignedAnswerError
  | UnexpectedAnswerError
  | TimeoutError
  | NetworkError
  | RedirectError
  | AnswerTooLargeError
  | TokenSetInvalidError
  | RefreshOutcomeUnknownError;

/**
 * Is `value` an error thrown by `@authlite/core`, optionally with this `code`? Unlike
 * `instanceof`, it also holds for an error built by another copy of the package (two
 * versions in one bundle) or in another realm (an iframe, a `vm` context): it looks for a
 * brand keyed by `Symbol.for('authlite.error')`, which plain objects with a `code` lack.
 * @example
 * try {
 *   await client.validateTokenSet(access, refresh);
 * } catch (error) {
 *   if (isAuthLiteError(error, 'ERR_TOKEN_SET_INVALID')) return redirectToLogin();
 *   throw error;
 * }
 */
export function isAuthLiteError(value: unknown): value is AnyAuthLiteError;
export function isAuthLiteError<C extends AuthLiteErrorCode>(value: unknown, code: C): value is Extract<AnyAuthLiteError, { code: C }>;
export function isAuthLiteError(value: unknown, code?: AuthLiteErrorCode): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [AUTHLITE_ERROR_BRAND]?: unknown })[AUTHLITE_ERROR_BRAND] !== true) return false;
  return code === undefined || (value as { code?: unknown }).code === code;
}
