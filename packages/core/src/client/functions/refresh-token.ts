import type { TokenPair } from '../../schemas/answers.ts';
import { TokenSchema } from '../../schemas/inputs.ts';
import { parseInput } from '../../schemas/parse-input.ts';
import { refuseUnknownKeys } from '../../shared/known-keys.ts';
import type { RefreshCallOptions } from '../../tokens/refresh-options.ts';
import { TokenRefreshes } from '../../tokens/token-refreshes.ts';
import { type AuthLiteHandle, type HandleState, stateOf } from '../handle.ts';

/** The keys of `RefreshCallOptions`. */
export const REFRESH_KEYS: readonly string[] = ['signal', 'waitUntil'];

/** The handle's refreshes and rotation record, made on first use. */
export function refreshesOf(state: HandleState): TokenRefreshes {
  const { options } = state;
  state.refreshes ??= new TokenRefreshes({
    context: state.context,
    clock: state.clock,
    sdkClock: options.clock,
    refreshGraceMs: options.refreshGracePeriodS * 1000,
    timeoutMs: options.timeout,
    sharedGrace: options.sharedRefreshGrace,
    storeTimeoutMs: options.storeTimeoutMs,
  });
  return state.refreshes;
}

/**
 * A new token pair for a refresh token (token rotation: the used refresh token stops
 * working). `GET /api/user/me/access/token/?RefreshToken=<t>`. Never retried, and
 * single-flight per refresh token on one handle: concurrent calls with the same token send one
 * request and all get the same new pair. A token this handle rotated within
 * `refreshGracePeriod` seconds gives the pair it was rotated into, with no request; pass
 * `waitUntil` on Workers (see {@link RefreshCallOptions}). The function form of
 * `AuthLiteClient.getAccessTokenFromRefreshToken`.
 * @param auth a handle from {@link createHandle}.
 * @returns `{ access_token, refresh_token }`.
 * @throws ValidationError and ConfigurationError (an unknown option) before any request; HttpError (401 for a used, revoked or expired refresh token);
 * RefreshOutcomeUnknownError when the request was sent but no answer came (the token may be
 * rotated already, so it is not re-sent); NetworkError when nothing was sent; UnexpectedAnswerError.
 * @example
 * const pair = await getAccessTokenFromRefreshToken(auth, session.refresh, { waitUntil: ctx.waitUntil.bind(ctx) });
 */
export async function getAccessTokenFromRefreshToken(
  auth: AuthLiteHandle,
  refreshToken: string,
  options?: RefreshCallOptions,
): Promise<TokenPair> {
  const state = stateOf(auth);
  refuseUnknownKeys(options, REFRESH_KEYS);
  const token = parseInput(TokenSchema, refreshToken, 'refreshToken');
  return refreshesOf(state).refresh(token, options?.signal, options?.waitUntil);
}
