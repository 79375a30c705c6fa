import { createAnswerVerifier } from '../../credentials/answer-verifier.ts';
import type { EndpointContext } from '../../endpoints/context.ts';
import { fetchUserByLoginCode, fetchUserByReAuthCode, fetchUserData } from '../../endpoints/user.ts';
import { TokenSchema } from '../../schemas/inputs.ts';
import { parseInput } from '../../schemas/parse-input.ts';
import type { User, UserData } from '../../schemas/user.ts';
import type { CallOptions } from '../../shared/call-options.ts';
import { refuseUnknownKeys } from '../../shared/known-keys.ts';
import { type AuthLiteHandle, type HandleState, stateOf } from '../handle.ts';

/** The context of a call that reads a signed answer, with the handle's verifier (HS256 with its key) made on first use. */
function signedContext(state: HandleState, options: CallOptions | undefined): EndpointContext {
  state.verify ??= createAnswerVerifier(state.credentials, state.options.clockTolerance, state.clock);
  return state.context(options?.signal);
}

/**
 * Exchanges a login code (single use, from the widget's redirect) for the user.
 * `GET /api/user/me/auth/data?UserToken=<code>`; the signed answer (a JWS) is verified (HS256
 * pinned) before any claim is read. Not retried (the code is single-use). The function form of
 * `AuthLiteClient.getUser`.
 * @param auth a handle from {@link createHandle}.
 * @returns the flattened {@link User} (`sub` opened into `email` and `uid`, `scope` a list).
 * @throws ValidationError and ConfigurationError (an unknown option) before any request; HttpError (e.g. 401 for a used or unknown code); InvalidSignedAnswerError; TimeoutError; NetworkError; UnexpectedAnswerError.
 * @example
 * const user = await getUser(auth, new URL(request.url).searchParams.get('code') ?? '');
 */
export async function getUser(auth: AuthLiteHandle, code: string, options?: CallOptions): Promise<User> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  const valid = parseInput(TokenSchema, code, 'code');
  return fetchUserByLoginCode(signedContext(state, options), valid);
}

/**
 * Exchanges a re-auth code (single use, from the edit-profile redirect) for the updated user.
 * `GET /api/user/me/widget/re-auth/token?code=<code>`; verified like {@link getUser}. The
 * function form of `AuthLiteClient.reAuth`.
 * @param auth a handle from {@link createHandle}.
 * @throws as {@link getUser}.
 * @example
 * const user = await reAuth(auth, new URL(request.url).searchParams.get('code') ?? '');
 */
export async function reAuth(auth: AuthLiteHandle, code: string, options?: CallOptions): Promise<User> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  const valid = parseInput(TokenSchema, code, 'code');
  return fetchUserByReAuthCode(signedContext(state, options), valid);
}

/**
 * The user data of an access token. `GET /api/user/me/data?AccessToken=<t>`; the signed
 * answer is verified (HS256 pinned). Retried on network errors and 408/429/5xx. The function
 * form of `AuthLiteClient.getUserData`.
 * @param auth a handle from {@link createHandle}.
 * @returns the verified claims: at least `uid`, `email`, `img`.
 * @throws ValidationError and ConfigurationError (an unknown option) before any request; HttpError; InvalidSignedAnswerError; TimeoutError; NetworkError; UnexpectedAnswerError.
 * @example
 * const data = await getUserData(auth, session.access);
 */
export async function getUserData(auth: AuthLiteHandle, accessToken: string, options?: CallOptions): Promise<UserData> {
  const state = stateOf(auth);
  refuseUnknownKeys(options);
  const token = parseInput(TokenSchema, accessToken, 'accessToken');
  return fetchUserData(signedContext(state, options), token);
}
