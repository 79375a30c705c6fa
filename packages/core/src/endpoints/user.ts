import * as v from 'valibot';
import { InvalidSignedAnswerError } from '../errors/authlite-error.ts';
import { describeIssue } from '../schemas/describe-issue.ts';
import { toUser, type User, type UserData, UserDataSchema } from '../schemas/user.ts';
import { ANSWER_CAPS } from '../transport/answer-caps.ts';
import { NO_RETRY, SAFE_RETRY } from '../transport/retry-policy.ts';
import type { EndpointContext } from './context.ts';

async function signedUser(ctx: EndpointContext, path: string, query: Record<string, string>, secret: string): Promise<User> {
  const answer = await ctx.transport.send({
    method: 'GET',
    path,
    query,
    retry: NO_RETRY,
    secrets: [secret],
    signal: ctx.signal,
    maxBytes: ANSWER_CAPS.signedAnswer,
  });
  const claims = await ctx.verify(answer.body, true);
  const user = toUser(claims);
  if (typeof user === 'string') throw new InvalidSignedAnswerError('claims-shape', `claims do not match the user shape (${user})`);
  return user;
}

/** `GET /api/user/me/auth/data?UserToken=<code>`: exchanges a login code (single use) for the signed user. */
export function fetchUserByLoginCode(ctx: EndpointContext, code: string): Promise<User> {
  return signedUser(ctx, '/api/user/me/auth/data', { UserToken: code }, code);
}

/** `GET /api/user/me/widget/re-auth/token?code=<code>`: exchanges a re-auth code (single use) for the signed user. */
export function fetchUserByReAuthCode(ctx: EndpointContext, code: string): Promise<User> {
  return signedUser(ctx, '/api/user/me/widget/re-auth/token', { code }, code);
}

/** `GET /api/user/me/data?AccessToken=<t>`: the signed user data of an access token. */
export async function fetchUserData(ctx: EndpointContext, accessToken: string): Promise<UserData> {
  const answer = await ctx.transport.send({
    method: 'GET',
    path: '/api/user/me/data',
    query: { AccessToken: accessToken },
    retry: SAFE_RETRY,
    secrets: [accessToken],
    signal: ctx.signal,
    maxBytes: ANSWER_CAPS.signedAnswer,
  });
  const claims = await ctx.verify(answer.body, false);
  const parsed = v.safeParse(UserDataSchema, claims);
  if (!parsed.success)
    throw new InvalidSignedAnswerError('claims-shape', `claims do not match the user shape (${describeIssue(parsed.issues[0])})`);
  return parsed.output;
}
