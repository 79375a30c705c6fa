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

/** Parses verified user claims into a {@link User}; returns a description of the first mismatch on failure. */
export function toUser(claims: unknown): User | string {
  const parsed = v.safeParse(UserClaimsSchema, claims);
  if (!parsed.success) return describeIssue(parsed.issues[0]);
  const { sub, ...rest } = parsed.output;
  return { ...rest, email: sub.email, uid: sub.uid };
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
