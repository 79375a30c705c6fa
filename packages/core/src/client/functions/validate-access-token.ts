import { TokenSchema } from '../../schemas/inputs.ts';
import { parseInput } from '../../schemas/parse-input.ts';
import type { CallOptions } from '../../shared/call-options.ts';
import { refuseUnknownKeys } from '../../shared/known-keys.ts';
import { TokenValidations } from '../../tokens/token-validations.ts';
import { type AuthLiteHandle, type HandleState, stateOf } from '../handle.ts';

/** The handle's access token validations, made on first use. */
export function validationsOf(state: HandleState): TokenValidations {
  state.validations ??= new TokenValidations({
    context: state.context,
    validationCacheTtlS: state.options.validationCacheTtl,
    clock: state.clock,
  });
  return state.validations;
}

/**
 * Is this access token valid now? `GET /api/user/me/auth/validate/token?AccessToken=<t>`.
 * `false` only when the service says the token is invalid (a 4xx other than 408/429);
 * a network failure, a timeout, 408, 429 or a 5xx throws instead (after retries).
 * Concurrent calls for one token on one handle share one request. With the option
 * `validationCacheTtl` (seconds), a positive result is reused for that long (never past the
 * token's `exp`). The function form of `AuthLiteClient.validateAccessToken`.
 * @param auth a handle from {@link createHandle}.
 * @throws ValidationError (also for `auth` not a handle) and ConfigurationError (an unknown option) before any request; HttpError; TimeoutError; NetworkError.
 * @example
 * if (!(await validateAccessToken(auth, accessToken))) return new Response('Unauthorized', { status: 401 });
 */
export async function validateAccessToken(auth: AuthLiteHandle, accessToken: string, options?: CallOptions): Promise<boolean> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  const token = parseInput(TokenSchema, accessToken, 'accessToken');
  return validationsOf(state).validate(token, options?.signal);
}
