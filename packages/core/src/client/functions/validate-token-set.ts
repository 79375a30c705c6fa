import { TokenSetInvalidError } from '../../errors/authlite-error.ts';
import type { TokenCheck } from '../../schemas/answers.ts';
import { TokenSchema } from '../../schemas/inputs.ts';
import { parseInput } from '../../schemas/parse-input.ts';
import { refuseUnknownKeys } from '../../shared/known-keys.ts';
import { meansInvalidToken } from '../../tokens/invalid-token-status.ts';
import type { RefreshCallOptions } from '../../tokens/refresh-options.ts';
import { type AuthLiteHandle, stateOf } from '../handle.ts';
import { REFRESH_KEYS, refreshesOf } from './refresh-token.ts';
import { validationsOf } from './validate-access-token.ts';

/**
 * Checks an access/refresh token pair and refreshes it when the access token is invalid.
 * `state: true`: the access token is valid, both tokens are returned unchanged.
 * `state: false`: the refresh token was used (token rotation) and `access`/`refresh` are the
 * new pair to store. Calls `GET /api/user/me/auth/validate/token`, then
 * `GET /api/user/me/access/token/` when needed. The function form of `AuthLiteClient.validateTokenSet`.
 * @param auth a handle from {@link createHandle}.
 * @throws TokenSetInvalidError when the refresh token is refused too (log in again);
 * ValidationError and ConfigurationError (an unknown option) before any request; HttpError,
 * TimeoutError, NetworkError for failures (never mistaken for invalid tokens).
 * @example
 * const check = await validateTokenSet(auth, session.access, session.refresh);
 * if (!check.state) session.save({ access: check.access, refresh: check.refresh }); // rotated
 */
export async function validateTokenSet(
  auth: AuthLiteHandle,
  accessToken: string,
  refreshToken: string,
  options?: RefreshCallOptions,
): Promise<TokenCheck> {
  const state = stateOf(auth);
  refuseUnknownKeys(options, REFRESH_KEYS);
  const access = parseInput(TokenSchema, accessToken, 'accessToken');
  const refresh = parseInput(TokenSchema, refreshToken, 'refreshToken');
  const signal = options?.signal;
  if (await validationsOf(state).validate(access, signal)) return { state: true, access, refresh };
  try {
    const pair = await refreshesOf(state).refresh(refresh, signal, options?.waitUntil);
    return { state: false, access: pair.access_token, refresh: pair.refresh_token };
  } catch (error) {
    if (meansInvalidToken(error)) throw new TokenSetInvalidError(error);
    throw error;
  }
}
