import { revoke } from '../../endpoints/token.ts';
import { RevokeOptionsSchema, RevokeTargetSchema } from '../../schemas/inputs.ts';
import { parseInput } from '../../schemas/parse-input.ts';
import type { CallOptions } from '../../shared/call-options.ts';
import { pickKeys } from '../../shared/pick-keys.ts';
import { type AuthLiteHandle, stateOf } from '../handle.ts';

/** Which token `revokeToken` revokes. */
export type RevokeTarget = { accessToken: string } | { refreshToken: string };

/** Options of `revokeToken`. */
export interface RevokeOptions extends CallOptions {
  /** End every token of that user (`SpecificTokenOnly=false`), not only this one. Default false. */
  revokeAllTokens?: boolean | undefined;
}

/**
 * Revokes an access token or a refresh token. `DELETE /api/user/me/token/`. With
 * `revokeAllTokens: true`, every token of that user ends. Never retried. The handle's
 * validation cache and rotation record forget the token (all tokens with `revokeAllTokens`,
 * or with a refresh token, whose access tokens the cache cannot name). The function form of
 * `AuthLiteClient.revokeToken`.
 * @param auth a handle from {@link createHandle}.
 * @returns the service's answer: `true` when revoked.
 * @throws ValidationError (not exactly one of the two tokens) and ConfigurationError (an unknown option) before any request; HttpError; TimeoutError; NetworkError; UnexpectedAnswerError.
 * @example
 * await revokeToken(auth, { refreshToken: session.refresh }, { revokeAllTokens: true }); // log out everywhere
 */
export async function revokeToken(auth: AuthLiteHandle, target: RevokeTarget, options?: RevokeOptions): Promise<boolean> {
  const state = stateOf(auth);
  const which = parseInput(RevokeTargetSchema, target, 'target');
  const opts = parseInput(RevokeOptionsSchema, pickKeys(options, 'revokeAllTokens'), 'options');
  const isAccess = 'accessToken' in which;
  const token = isAccess ? which.accessToken : which.refreshToken;
  const all = opts?.revokeAllTokens === true;
  // A refresh token ends its session's access tokens too, which the validation cache cannot name.
  const evict = () => state.validations?.evict(isAccess && !all ? token : undefined);
  evict();
  await state.refreshes?.forget(token, isAccess, all);
  const revoked = await revoke(state.context(options?.signal), token, isAccess, all);
  evict();
  return revoked;
}
