import * as v from 'valibot';
import { describeIssue } from './describe-issue.ts';

/** A JSON-encoded string, parsed, then checked by `T`. */
type JsonString<T extends v.GenericSchema> = v.SchemaWithPipe<
  readonly [v.StringSchema<undefined>, v.RawTransformAction<string, unknown>, T]
>;

const jsonString = /* @__NO_SIDE_EFFECTS__ */ <T extends v.GenericSchema>(schema: T, what: string): JsonString<T> =>
  /* @__PURE__ */ v.pipe(
    /* @__PURE__ */ v.string(),
    /* @__PURE__ */ v.rawTransform(({ dataset, addIssue, NEVER }) => {
      try {
        return JSON.parse(dataset.value) as unknown;
      } catch {
        addIssue({ message: `${what} as a JSON-encoded string` });
        return NEVER;
      }
    }),
    schema,
  );

const SubSchema: v.ObjectSchema<{ readonly email: v.StringSchema<undefined>; readonly uid: v.GenericSchema<string> }, undefined> =
  /* @__PURE__ */ v.object({
    email: /* @__PURE__ */ v.string(),
    uid: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.minLength(1)),
  });

/**
 * Claims of the signed user JWS answered by `GET /api/user/me/auth/data` and
 * `GET /api/user/me/widget/re-auth/token`, as sent: `sub` and `scope` are JSON-encoded
 * strings. Times are seconds since the epoch.
 */
export const UserClaimsSchema: v.ObjectSchema<
  {
    readonly iss: v.StringSchema<undefined>;
    readonly jti: v.StringSchema<undefined>;
    readonly access_token: v.StringSchema<undefined>;
    readonly refresh_token: v.StringSchema<undefined>;
    readonly type: v.StringSchema<undefined>;
    readonly exp: v.NumberSchema<undefined>;
    readonly refresh_exp: v.NumberSchema<undefined>;
    readonly iat: v.NumberSchema<undefined>;
    readonly scope: JsonString<v.ArraySchema<v.StringSchema<undefined>, undefined>>;
    readonly img: v.StringSchema<undefined>;
    readonly name: v.StringSchema<undefined>;
    readonly sub: JsonString<typeof SubSchema>;
  },
  undefined
> = /* @__PURE__ */ v.object({
  iss: /* @__PURE__ */ v.string(),
  jti: /* @__PURE__ */ v.string(),
  access_token: /* @__PURE__ */ v.string(),
  refresh_token: /* @__PURE__ */ v.string(),
  type: /* @__PURE__ */ v.string(),
  exp: /* @__PURE__ */ v.number(),
  refresh_exp: /* @__PURE__ */ v.number(),
  iat: /* @__PURE__ */ v.number(),
  scope: /* @__PURE__ */ jsonString(/* @__PURE__ */ v.array(/* @__PURE__ */ v.string()), 'scope'),
  img: /* @__PURE__ */ v.string(),
  name: /* @__PURE__ */ v.string(),
  sub: /* @__PURE__ */ jsonString(SubSchema, 'sub'),
});

/**
 * The flattened user returned by `getUser` and `reAuth`: the claims of
 * {@link UserClaimsSchema} with `sub` opened into `email` and `uid` and `scope` a list:
 * `iss`, `jti`, `access_token`, `refresh_token`, `type`, `exp` (access token expiry),
 * `refresh_exp` (refresh token expiry), `iat` (all three seconds since the epoch), `scope`,
 * `img`, `name`, `email` and `uid`. Inferred from the schema.
 */
export type User = Flatten<Omit<v.InferOutput<typeof UserClaimsSchema>, 'sub'> & v.InferOutput<typeof SubSchema>>;

type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * Parses verified user claims into a {@link User}; returns a description of the first mismatch
 * on failure. Claims of the documented shape are read directly (valibot's per-field machinery
 * costs more than the rest of the call's own work); any other claims go through
 * {@link UserClaimsSchema}, which names the issue. The two agree: a property test compares them.
 */
export function toUser(claims: unknown): User | string {
  const user = readUser(claims);
  if (user) return user;
  const parsed = v.safeParse(UserClaimsSchema, claims);
  if (!parsed.success) return describeIssue(parsed.issues[0]);
  // Stryker disable next-line all: unreachable while readUser and the schema agree (test/unit/user-claims.test.ts).
  return 'claims that only UserClaimsSchema accepts (readUser disagrees with it)';
}

/** {@link UserClaimsSchema} written out, for claims of the documented shape; `undefined` for any other. */
function readUser(claims: unknown): User | undefined {
  if (typeof claims !== 'object' || claims === null) return undefined;
  const { iss, jti, access_token, refresh_token, type, exp, refresh_exp, iat, scope, img, name, sub } = claims as Record<string, unknown>;
  if (typeof iss !== 'string' || typeof jti !== 'string' || typeof access_token !== 'string') return undefined;
  if (typeof refresh_token !== 'string' || typeof type !== 'string' || typeof img !== 'string' || typeof name !== 'string')
    return undefined;
  if (!isNumber(exp) || !isNumber(refresh_exp) || !isNumber(iat)) return undefined;
  const scopes = typeof scope === 'string' ? parseJson(scope) : undefined;
  if (!Array.isArray(scopes) || !scopes.every((item) => typeof item === 'string')) return undefined;
  const subject = typeof sub === 'string' ? parseJson(sub) : undefined;
  if (typeof subject !== 'object' || subject === null) return undefined;
  const { email, uid } = subject as Record<string, unknown>;
  if (typeof email !== 'string' || typeof uid !== 'string' || uid.length === 0) return undefined;
  return { iss, jti, access_token, refresh_token, type, exp, refresh_exp, iat, scope: scopes, img, name, email, uid };
}

/** valibot's `number()`: a number that is not NaN. */
function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

function parseJson(text: string): unknown {
  // Stryker disable BlockStatement: equivalent, an empty catch returns undefined too.
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
}

/**
 * Claims of the signed JWS answered by `GET /api/user/me/data`: at least `uid`, `email` and
 * `img`; `name` (display name) and `roles` (the user's role ids) when the service sends
 * them, typed; further claims are kept as `unknown`.
 */
export const UserDataSchema: v.LooseObjectSchema<
  {
    readonly uid: v.StringSchema<undefined>;
    readonly email: v.StringSchema<undefined>;
    readonly img: v.StringSchema<undefined>;
    readonly name: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly roles: v.OptionalSchema<v.ArraySchema<v.StringSchema<undefined>, undefined>, undefined>;
  },
  undefined
> = /* @__PURE__ */ v.looseObject({
  uid: /* @__PURE__ */ v.string(),
  email: /* @__PURE__ */ v.string(),
  img: /* @__PURE__ */ v.string(),
  name: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
  roles: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.array(/* @__PURE__ */ v.string())),
});
/** The user data of an access token; see {@link UserDataSchema}. */
export type UserData = v.InferOutput<typeof UserDataSchema>;
