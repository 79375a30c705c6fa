import * as v from 'valibot';
import { describeIssue } from './describe-issue.js';

const jsonString = <T extends v.GenericSchema>(schema: T, what: string) =>
  v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      try {
        return JSON.parse(dataset.value) as unknown;
      } catch {
        addIssue({ message: `${what} as a JSON-encoded string` });
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
 * The user answered by `getUser` and `reAuth`: the verified claims of
 * {@link UserClaimsSchema} with `sub` opened into `email` and `uid` and `scope` parsed into a
 * list. See {@link User}.
 */
export const UserSchema = v.pipe(
  UserClaimsSchema,
  v.transform(({ sub, ...claims }) => ({ ...claims, email: sub.email, uid: sub.uid })),
);

/**
 * The flattened user returned by `getUser` and `reAuth`: `iss`, `jti`, `access_token`,
 * `refresh_token`, `type`, `exp` (access token expiry), `refresh_exp` (refresh token
 * expiry), `iat` (all three seconds since the epoch), `scope` (a list), `img`, `name`,
 * `email` and `uid`. Inferred from {@link UserSchema}.
 */
export type User = v.InferOutput<typeof UserSchema>;

/** Parses verified user claims into a {@link User}; returns a description of the first mismatch on failure. */
export function toUser(claims: unknown): User | string {
  const parsed = v.safeParse(UserSchema, claims);
  return parsed.success ? parsed.output : describeIssue(parsed.issues[0]);
}

/**
 * Claims of the signed JWS answered by `GET /api/user/me/data`: at least `uid`, `email` and
 * `img`; `name` (display name) and `roles` (the user's role ids) when the service sends
 * them, typed; further claims are kept as `unknown`.
 */
export const UserDataSchema = v.looseObject({
  uid: v.string(),
  email: v.string(),
  img: v.string(),
  name: v.optional(v.string()),
  roles: v.optional(v.array(v.string())),
});
/** The user data of an access token; see {@link UserDataSchema}. */
export type UserData = v.InferOutput<typeof UserDataSchema>;
