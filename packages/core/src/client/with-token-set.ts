import { HttpError, TokenSetInvalidError } from '../errors/authlite-error.ts';
import type { TokenCheck } from '../schemas/answers.ts';
import type { RefreshCallOptions } from '../tokens/refresh-options.ts';
import type { AuthLiteClient } from './authlite-client.ts';

/** What {@link withTokenSet} gives back: the call's value and the pair to keep (rotated when `state` is false). */
export interface TokenSetResult<T> {
  value: T;
  tokens: TokenCheck;
}

/**
 * Runs `use` with a valid access token of the pair, for calls that need one (for example
 * `client.getUserData`). The pair is checked first (`validateTokenSet`: refreshed when the
 * access token is invalid). When `use` then fails with HTTP 401, the access token ended
 * between the check and its use (it expired or was revoked in between): the pair is refreshed
 * once and `use` runs again with the new access token. A 401 right after a positive check is
 * never a service failure.
 *
 * @returns the value of `use` and the pair to keep: `tokens.state` false means rotated (store `tokens.access`/`tokens.refresh`).
 * @throws TokenSetInvalidError when the refresh token is refused (log in again); whatever `use`
 * throws otherwise (an HttpError other than 401, TimeoutError, NetworkError: a failure, not a logout).
 */
export async function withTokenSet<T>(
  client: AuthLiteClient,
  accessToken: string,
  refreshToken: string,
  use: (accessToken: string) => Promise<T>,
  options?: RefreshCallOptions,
): Promise<TokenSetResult<T>> {
  const checked = await client.validateTokenSet(accessToken, refreshToken, options);
  try {
    return { value: await use(checked.access), tokens: checked };
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 401)) throw error;
  }
  let pair;
  try {
    pair = await client.getAccessTokenFromRefreshToken(checked.refresh, options);
  } catch (error) {
    if (error instanceof HttpError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
      throw new TokenSetInvalidError(error);
    }
    throw error;
  }
  const tokens: TokenCheck = { state: false, access: pair.access_token, refresh: pair.refresh_token };
  return { value: await use(tokens.access), tokens };
}
