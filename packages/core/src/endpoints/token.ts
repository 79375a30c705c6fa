import { RevokeResponseSchema, type TokenPair, TokenPairSchema } from '../schemas/answers.ts';
import { ANSWER_CAPS } from '../transport/answer-caps.ts';
import { NO_RETRY, SAFE_RETRY } from '../transport/retry-policy.ts';
import type { EndpointContext } from './context.ts';
import { expectShape } from './expect-shape.ts';

const REFRESH_PATH = '/api/user/me/access/token/';
const VALIDATE_PATH = '/api/user/me/auth/validate/token';
const REVOKE_PATH = '/api/user/me/token/';

/** `GET /api/user/me/access/token/?RefreshToken=<t>`: rotates the pair; the used refresh token stops working. */
export async function refreshTokens(ctx: EndpointContext, refreshToken: string): Promise<TokenPair> {
  const answer = await ctx.transport.send({
    method: 'GET',
    path: REFRESH_PATH,
    query: { RefreshToken: refreshToken },
    retry: NO_RETRY,
    secrets: [refreshToken],
    signal: ctx.signal,
    maxBytes: ANSWER_CAPS.tokenPair,
  });
  return expectShape(TokenPairSchema, answer.body, REFRESH_PATH);
}

/**
 * `GET /api/user/me/auth/validate/token?AccessToken=<t>`: resolves on 2xx. Any other status
 * is an `HttpError`; what it means for the token is the caller's rule (`tokens/`).
 */
export async function checkAccessToken(ctx: EndpointContext, accessToken: string): Promise<void> {
  await ctx.transport.send({
    method: 'GET',
    path: VALIDATE_PATH,
    query: { AccessToken: accessToken },
    retry: SAFE_RETRY,
    secrets: [accessToken],
    signal: ctx.signal,
    maxBytes: ANSWER_CAPS.validation,
  });
}

/**
 * `DELETE /api/user/me/token/?Token=<t>&AccessToken=<bool>&SpecificTokenOnly=<bool>`.
 * `all: true` sends `SpecificTokenOnly=false`, which ends every token of that user.
 */
export async function revoke(ctx: EndpointContext, token: string, isAccessToken: boolean, all: boolean): Promise<boolean> {
  const answer = await ctx.transport.send({
    method: 'DELETE',
    path: REVOKE_PATH,
    query: { Token: token, AccessToken: String(isAccessToken), SpecificTokenOnly: String(!all) },
    retry: NO_RETRY,
    secrets: [token],
    signal: ctx.signal,
    maxBytes: ANSWER_CAPS.revocation,
  });
  return expectShape(RevokeResponseSchema, answer.body, REVOKE_PATH);
}
