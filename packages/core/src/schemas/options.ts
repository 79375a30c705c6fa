import * as v from 'valibot';
import { httpUrl, optionalFlag, visibleAscii } from './primitives.ts';

/** A schema whose key may be missing or `undefined`, else holds a `T`. */
type Optional<T> = v.OptionalSchema<v.GenericSchema<T>, undefined>;

/** An optional number of `unit` from `min` to `max`; every message names the unit and the bound. */
const amount = /* @__NO_SIDE_EFFECTS__ */ (unit: string, min: number, max: number) =>
  /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.number(`${unit} as a number`),
      /* @__PURE__ */ v.minValue(min, `${unit} of at least ${min}`),
      /* @__PURE__ */ v.maxValue(max, `at most ${max} ${unit}`),
    ),
  );

/** {@link amount} in whole `unit`s. */
const wholeAmount = /* @__NO_SIDE_EFFECTS__ */ (unit: string, min: number, max: number) =>
  /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.number(`${unit} as a number`),
      /* @__PURE__ */ v.integer(`whole ${unit}`),
      /* @__PURE__ */ v.minValue(min, `${unit} of at least ${min}`),
      /* @__PURE__ */ v.maxValue(max, `at most ${max} ${unit}`),
    ),
  );

/** An optional timeout: 1 to 600000 whole milliseconds. */
const milliseconds = /* @__PURE__ */ wholeAmount('milliseconds', 1, 600_000);

/** Whether `input` is an object (not a function) whose `methods` are functions. */
function hasMethods(input: unknown, ...methods: string[]): input is object {
  return (
    typeof input === 'object' && input !== null && methods.every((name) => typeof (input as Record<string, unknown>)[name] === 'function')
  );
}

/** Loopback hosts, where plain `http:` is allowed (the emulator, local tests). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** What a plain-http service URL on another host than loopback is told, without `allowInsecureHttp: true`. */
export const INSECURE_HTTP_EXPECTED = 'an https URL (http only on loopback, or with allowInsecureHttp: true)';

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

const serviceUrl = /* @__PURE__ */ v.optional(/* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string('a string'), httpUrl));

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
  apiKey: /* @__PURE__ */ visibleAscii(512),
  secretKey: /* @__PURE__ */ visibleAscii(512),
  orgId: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.string('a string'),
      /* @__PURE__ */ v.check((input) => /^[A-Za-z0-9_-]{1,128}$/.test(input), '1 to 128 letters, digits, _ or -'),
    ),
  ),
  baseUrl: serviceUrl,
  widgetUrl: serviceUrl,
  timeout: milliseconds,
  storeTimeout: milliseconds,
  refreshGracePeriod: /* @__PURE__ */ amount('seconds', 0, 300),
  clock: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.custom<object>(
      // `wait` is optional: absent, it reads as a function here.
      (input) => hasMethods(input, 'nowMs') && typeof ((input as { wait?: unknown }).wait ?? Date.now) === 'function',
      'a clock ({ nowMs(), wait?(ms, signal) })',
    ),
  ),
  maxAge: /* @__PURE__ */ amount('seconds', 0, 31_536_000),
  validationCacheTtl: /* @__PURE__ */ amount('seconds', 0, 3600),
  clockTolerance: /* @__PURE__ */ amount('seconds', 0, 300),
  maxRoleListBytes: /* @__PURE__ */ wholeAmount('bytes', 1024, 268_435_456),
  fetch: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.custom<typeof fetch>((input) => typeof input === 'function', 'a fetch function')),
  dangerouslyAllowBrowser: optionalFlag,
  allowInsecureHttp: optionalFlag,
  sharedRefreshGrace: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.custom<object>((input) => hasMethods(input, 'remember', 'recall'), 'an object with remember and recall methods'),
  ),
  roleStore: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.custom<object>((input) => hasMethods(input, 'get', 'set'), 'an object with get and set methods'),
  ),
} satisfies Record<keyof ClientOptionEntries, unknown>);
