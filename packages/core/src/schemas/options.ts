import * as v from 'valibot';

/** A schema whose key may be missing or `undefined`, else holds a `T`. */
type Optional<T> = v.OptionalSchema<v.GenericSchema<T>, undefined>;

const credential = /* @__NO_SIDE_EFFECTS__ */ (what: string) =>
  /* @__PURE__ */ v.pipe(
    /* @__PURE__ */ v.string(`${what} as a string`),
    /* @__PURE__ */ v.minLength(1, `a non-empty ${what}`),
    /* @__PURE__ */ v.maxLength(512, `${what} of at most 512 characters`),
    /* @__PURE__ */ v.regex(/^[\x21-\x7e]+$/, `${what} of printable ASCII without spaces`),
  );

const seconds = /* @__NO_SIDE_EFFECTS__ */ (max: number) =>
  /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.number('seconds as a number'),
      /* @__PURE__ */ v.minValue(0, 'seconds of at least 0'),
      /* @__PURE__ */ v.maxValue(max, `at most ${max} seconds`),
    ),
  );

/** Loopback hosts, where plain `http:` is allowed (the emulator, local tests). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** What a plain-http service URL on another host than loopback is told, without `allowInsecureHttp: true`. */
export const INSECURE_HTTP_EXPECTED = 'an https URL (plain http only for a loopback host, or with allowInsecureHttp: true)';

/**
 * The first of `baseUrl`, `widgetUrl` (already checked as http(s) URLs) that is plain http on
 * a host other than loopback while `allowInsecureHttp` is not true: keys and tokens travel in
 * its query strings, readable on the network path.
 */
export function insecureHttpOption(opts: {
  baseUrl?: string | undefined;
  widgetUrl?: string | undefined;
  allowInsecureHttp?: boolean | undefined;
}): 'baseUrl' | 'widgetUrl' | undefined {
  if (opts.allowInsecureHttp === true) return undefined;
  return (['baseUrl', 'widgetUrl'] as const).find((option) => {
    const url = opts[option] === undefined ? undefined : new URL(opts[option]);
    return url?.protocol === 'http:' && !isLoopbackHost(url.hostname);
  });
}

const serviceUrl = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string('a URL string'),
  /* @__PURE__ */ v.url('an absolute URL'),
  // Stryker disable next-line Regex: without "$" equivalent, a URL protocol ends at its only ":".
  /* @__PURE__ */ v.check((input) => URL.canParse(input) && /^https?:$/.test(new URL(input).protocol), 'an http(s) URL'),
);

/** The entries of {@link ClientOptionsSchema}, by option. */
type ClientOptionEntries = {
  readonly apiKey: v.GenericSchema<string>;
  readonly secretKey: v.GenericSchema<string>;
  readonly orgId: Optional<string>;
  readonly baseUrl: Optional<string>;
  readonly widgetUrl: Optional<string>;
  readonly timeout: Optional<number>;
  readonly storeTimeout: Optional<number>;
  readonly refreshGracePeriod: Optional<number>;
  readonly clock: Optional<object>;
  readonly maxAge: Optional<number>;
  readonly validationCacheTtl: Optional<number>;
  readonly clockTolerance: Optional<number>;
  readonly maxRoleListBytes: Optional<number>;
  readonly fetch: Optional<typeof fetch>;
  readonly dangerouslyAllowBrowser: Optional<boolean>;
  readonly allowInsecureHttp: Optional<boolean>;
  readonly sharedRefreshGrace: Optional<object>;
  readonly roleStore: Optional<object>;
};

/** Validates the constructor options of `AuthLiteClient`; see `AuthLiteClientOptions`. */
export const ClientOptionsSchema: v.ObjectSchema<ClientOptionEntries, undefined> = /* @__PURE__ */ v.object({
  apiKey: /* @__PURE__ */ credential('API key'),
  secretKey: /* @__PURE__ */ credential('secret key'),
  orgId: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.string('a string'),
      /* @__PURE__ */ v.regex(/^[A-Za-z0-9_-]{1,128}$/, 'an organisation id (letters, digits, _ or -)'),
    ),
  ),
  baseUrl: /* @__PURE__ */ v.optional(serviceUrl),
  widgetUrl: /* @__PURE__ */ v.optional(serviceUrl),
  timeout: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.number('milliseconds as a number'),
      /* @__PURE__ */ v.integer('whole milliseconds'),
      /* @__PURE__ */ v.minValue(1),
      /* @__PURE__ */ v.maxValue(600_000),
    ),
  ),
  storeTimeout: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.number('milliseconds as a number'),
      /* @__PURE__ */ v.integer('whole milliseconds'),
      /* @__PURE__ */ v.minValue(1),
      /* @__PURE__ */ v.maxValue(600_000),
    ),
  ),
  refreshGracePeriod: /* @__PURE__ */ seconds(300),
  clock: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.custom<object>(
      (input) =>
        typeof input === 'object' &&
        input !== null &&
        typeof (input as { nowMs?: unknown }).nowMs === 'function' &&
        // `wait` is optional: absent, it reads as a function here.
        typeof ((input as { wait?: unknown }).wait ?? Date.now) === 'function',
      'a clock ({ nowMs(), wait?(ms, signal) })',
    ),
  ),
  maxAge: /* @__PURE__ */ seconds(31_536_000),
  validationCacheTtl: /* @__PURE__ */ seconds(3600),
  clockTolerance: /* @__PURE__ */ seconds(300),
  maxRoleListBytes: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.number('bytes as a number'),
      /* @__PURE__ */ v.integer('whole bytes'),
      /* @__PURE__ */ v.minValue(1024),
      /* @__PURE__ */ v.maxValue(268_435_456),
    ),
  ),
  fetch: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.custom<typeof fetch>((input) => typeof input === 'function', 'a fetch function')),
  dangerouslyAllowBrowser: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.boolean('true or false')),
  allowInsecureHttp: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.boolean('true or false')),
  sharedRefreshGrace: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.custom<object>(
      (input) =>
        typeof input === 'object' &&
        input !== null &&
        typeof (input as { remember?: unknown }).remember === 'function' &&
        typeof (input as { recall?: unknown }).recall === 'function',
      'an object with remember and recall methods',
    ),
  ),
  roleStore: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.custom<object>(
      (input) =>
        typeof input === 'object' &&
        input !== null &&
        typeof (input as { get?: unknown }).get === 'function' &&
        typeof (input as { set?: unknown }).set === 'function',
      'a RoleStore (an object with get and set methods)',
    ),
  ),
} satisfies Record<keyof ClientOptionEntries, unknown>);
