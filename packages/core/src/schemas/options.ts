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

/**
 * Whether a service URL may carry the keys and tokens: https, plain http on a loopback host,
 * or any plain http when the caller opted in with `allowInsecureHttp: true`.
 */
export function isTransportAllowed(input: string | undefined, allowInsecureHttp: boolean | undefined): boolean {
  if (input === undefined || !URL.canParse(input)) return true; // the field's own schema reports these
  const url = new URL(input);
  return url.protocol === 'https:' || (url.protocol === 'http:' && (allowInsecureHttp === true || isLoopbackHost(url.hostname)));
}

const INSECURE_HTTP = 'an https URL (plain http only for a loopback host, or with allowInsecureHttp: true)';

const serviceUrl = v.pipe(
  v.string('a URL string'),
  v.url('an absolute URL'),
  v.check((input) => URL.canParse(input) && ['http:', 'https:'].includes(new URL(input).protocol), 'an http(s) URL'),
);

const ClientOptionsObject = v.object({
  apiKey: credential('API key'),
  secretKey: credential('secret key'),
  orgId: v.optional(v.pipe(v.string('a string'), v.regex(/^[A-Za-z0-9_-]{1,128}$/, 'an organisation id (letters, digits, _ or -)'))),
  baseUrl: v.optional(serviceUrl),
  widgetUrl: v.optional(serviceUrl),
  timeout: v.optional(v.pipe(v.number('milliseconds as a number'), v.integer('whole milliseconds'), v.minValue(1), v.maxValue(600_000))),
  maxAge: v.optional(v.pipe(v.number('seconds as a number'), v.minValue(0), v.maxValue(31_536_000))),
  validationCacheTtl: v.optional(v.pipe(v.number('seconds as a number'), v.minValue(0), v.maxValue(3600))),
  clockTolerance: v.optional(v.pipe(v.number('seconds as a number'), v.minValue(0), v.maxValue(300))),
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

/** Validates the constructor options of `AuthLiteClient`; see `AuthLiteClientOptions`. */
export const ClientOptionsSchema = v.pipe(
  ClientOptionsObject,
  v.forward(v.partialCheck([['baseUrl'], ['allowInsecureHttp']], (i) => isTransportAllowed(i.baseUrl, i.allowInsecureHttp), INSECURE_HTTP), ['baseUrl']),
  v.forward(v.partialCheck([['widgetUrl'], ['allowInsecureHttp']], (i) => isTransportAllowed(i.widgetUrl, i.allowInsecureHttp), INSECURE_HTTP), ['widgetUrl']),
);
