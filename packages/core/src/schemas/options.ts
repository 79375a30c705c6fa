import * as v from 'valibot';

const credential = (what: string) =>
  v.pipe(
    v.string(`${what} as a string`),
    v.minLength(1, `a non-empty ${what}`),
    v.maxLength(512, `${what} of at most 512 characters`),
    v.regex(/^[\x21-\x7e]+$/, `${what} of printable ASCII without spaces`),
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
export function insecureHttpOption(opts: { baseUrl?: string; widgetUrl?: string; allowInsecureHttp?: boolean }): 'baseUrl' | 'widgetUrl' | undefined {
  if (opts.allowInsecureHttp === true) return undefined;
  return (['baseUrl', 'widgetUrl'] as const).find((option) => {
    const url = opts[option] === undefined ? undefined : new URL(opts[option]);
    return url?.protocol === 'http:' && !isLoopbackHost(url.hostname);
  });
}

const serviceUrl = v.pipe(
  v.string('a URL string'),
  v.url('an absolute URL'),
  // Stryker disable next-line Regex: without "$" equivalent, a URL protocol ends at its only ":".
  v.check((input) => URL.canParse(input) && /^https?:$/.test(new URL(input).protocol), 'an http(s) URL'),
);

/** Validates the constructor options of `AuthLiteClient`; see `AuthLiteClientOptions`. */
export const ClientOptionsSchema = v.object({
  apiKey: credential('API key'),
  secretKey: credential('secret key'),
  orgId: v.optional(v.pipe(v.string('a string'), v.regex(/^[A-Za-z0-9_-]{1,128}$/, 'an organisation id (letters, digits, _ or -)'))),
  baseUrl: v.optional(serviceUrl),
  widgetUrl: v.optional(serviceUrl),
  timeout: v.optional(v.pipe(v.number('milliseconds as a number'), v.integer('whole milliseconds'), v.minValue(1), v.maxValue(600_000))),
  maxAge: v.optional(v.pipe(v.number('seconds as a number'), v.minValue(0), v.maxValue(31_536_000))),
  validationCacheTtl: v.optional(v.pipe(v.number('seconds as a number'), v.minValue(0), v.maxValue(3600))),
  clockTolerance: v.optional(v.pipe(v.number('seconds as a number'), v.minValue(0), v.maxValue(300))),
  maxRoleListBytes: v.optional(v.pipe(v.number('bytes as a number'), v.integer('whole bytes'), v.minValue(1024), v.maxValue(268_435_456))),
  clock: v.optional(v.custom<() => number>((input) => typeof input === 'function', 'a function returning milliseconds since the epoch')),
  fetch: v.optional(v.custom<typeof fetch>((input) => typeof input === 'function', 'a fetch function')),
  dangerouslyAllowBrowser: v.optional(v.boolean('true or false')),
  allowInsecureHttp: v.optional(v.boolean('true or false')),
  roleStore: v.optional(
    v.custom<object>(
      (input) =>
        typeof input === 'object' &&
        input !== null &&
        typeof (input as { get?: unknown }).get === 'function' &&
        typeof (input as { set?: unknown }).set === 'function',
      'a RoleStore (an object with get and set methods)',
    ),
  ),
});
