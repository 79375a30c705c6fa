import * as v from 'valibot';
import { describeIssue } from './describe-issue.js';

const jsonString = <T extends v.GenericSchema>(schema: T, what: string) =>
  v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      try {
        return JSON.parse(dataset.value) as unknown;
      } catch {
        addIssue({ message: `${what} is not JSON` });
        return NEVER;
      }
    }),
    schema,
  );

const SubSchema = v.object({ email: v.string(), uid: v.pipe(v.string(), v.minLength(1)) });

/**
 * Claims of the signed user JWS answered by `GET /api/user/me/auth/data` and
 * `GET /api/user/me/widget/re-auth/token`, as sent: `sub` and `scope` are JSON-encoded
 * strings. Times are seconds since the epoch.
 */
export const UserClaimsSchema = v.object({
  iss: v.string(),
  jti: v.string(),
  access_token: v.string(),
  refresh_token: v.string(),
  type: v.string(),
  exp: v.number(),
  refresh_exp: v.number(),
  iat: v.number(),
  scope: jsonString(v.array(v.string()), 'scope'),
  img: v.string(),
  name: v.string(),
  sub: jsonString(SubSchema, 'sub'),
});

/**
 * The flattened user returned by `getUser` and `reAuth`: the verified claims with `sub`
 * opened into `email` and `uid` and `scope` parsed into a list. `exp` (access token expiry),
 * `refresh_exp` (refresh token expiry) and `iat` are seconds since the epoch.
 */
export interface User {
  iss: string;
  jti: string;
  access_token: string;
  refresh_token: string;
  type: string;
  exp: number;
  refresh_exp: number;
  iat: number;
  scope: string[];
  img: string;
  name: string;
  email: string;
  uid: string;
}

/** Parses verified user claims into a {@link User}; returns the valibot issues on failure. */
export function toUser(claims: unknown): User | string {
  const parsed = v.safeParse(UserClaimsSchema, claims);
  if (!parsed.success) return describeIssue(parsed.issues[0]);
  const { sub, ...rest } = parsed.output;
  return { ...rest, email: sub.email, uid: sub.uid };
}

/**
 * Claims of the signed JWS answered by `GET /api/user/me/data`: at least `uid`, `email` and
 * `img`; further claims the service sends are kept.
 */
export const UserDataSchema = v.looseObject({ uid: v.string(), email: v.string(), img: v.string() });
/** See {@link UserDataSchema}. */
export type UserData = v.InferOutput<typeof UserDataSchema>;
