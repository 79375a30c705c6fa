import { HttpError } from '../errors/authlite-error.js';
import { RevokeResponseSchema, TokenPairSchema, type TokenPair } from '../schemas/answers.js';
import { ANSWER_CAPS } from '../transport/answer-caps.js';
import { NO_RETRY, SAFE_RETRY } from '../transport/retry-policy.js';
import type { EndpointContext } from './context.js';
import { expectShape } from './expect-shape.js';

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
  ctx.observeEdge(answer.edge);
  return expectShape(TokenPairSchema, answer.body, REFRESH_PATH);
}

/** True when a status says "this token is not valid" rather than "the call failed". */
function meansInvalidToken(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * `GET /api/user/me/auth/validate/token?AccessToken=<t>`: 2xx means valid; a 4xx other than
 * 408 and 429 means invalid (false). Timeouts, network failures, 408, 429 and 5xx throw.
 */
export async function checkAccessToken(ctx: EndpointContext, accessToken: string): Promise<boolean> {
  try {
    const answer = await ctx.transport.send({
      method: 'GET',
      path: VALIDATE_PATH,
      query: { AccessToken: accessToken },
      retry: SAFE_RETRY,
      secrets: [accessToken],
      signal: ctx.signal,
      maxBytes: ANSWER_CAPS.validation,
    });
    ctx.observeEdge(answer.edge);
    return true;
  } catch (error) {
    if (error instanceof HttpError && meansInvalidToken(error.status)) return false;
    throw error;
  }
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
  ctx.observeEdge(answer.edge);
  return expectShape(RevokeResponseSchema, answer.body, REVOKE_PATH);
}
