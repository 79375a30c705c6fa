const REDACTED = '[REDACTED]';

/** Shortest secret (and shortest cut-off start of one) that is redacted; shorter ones would redact noise. */
const MIN_SECRET_LENGTH = 4;

/** Anything shaped like a compact JWS/JWT (a base64url JSON header, then two more segments). */
const JWS_SHAPE = /eyJ[\w-]{5,}\.[\w-]*\.[\w-]*/g;

/** What may follow a cut: an ellipsis and whitespace, to the end of the text. */
const CUT_TAIL = /(?:\.\.\.|\u2026)?\s*$/;

/**
 * Every form in which the SDK itself writes `secret`: raw, `encodeURIComponent`,
 * `URLSearchParams` (which also encodes `~ ! ' ( ) *` and writes a space as `+`), and a JSON
 * string body (quotes and backslashes escaped).
 */
export function encodingsOf(secret: string): string[] {
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  return [...new Set([secret, encodeURIComponent(secret), form, JSON.stringify(secret).slice(1, -1)])];
}

/** A pattern matching `text` literally, with every `%XX` escape in either hex case. */
function literalPattern(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%([0-9A-F])([0-9A-F])/g, (_, high: string, low: string) => `%[${high}${high.toLowerCase()}][${low}${low.toLowerCase()}]`);
}

/**
 * Replaces every occurrence of each secret in `text` with `[REDACTED]`, in every encoding the
 * SDK produces (see {@link encodingsOf}; `%XX` escapes in either case), any JWS-shaped string
 * (a token the SDK was never given, echoed by a server), and the start of a secret (4
 * characters or more) left at the end of a text that was cut, before an optional ellipsis.
 * Secrets shorter than 4 characters are ignored. Redact first, then cut: a cut made after
 * redaction can only split the marker.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text.replace(JWS_SHAPE, REDACTED);
  const forms = secrets.filter((secret): secret is string => !!secret && secret.length >= MIN_SECRET_LENGTH).flatMap(encodingsOf);
  for (const form of forms) out = out.replace(new RegExp(literalPattern(form), 'g'), REDACTED);
  return redactCutPrefix(out, forms);
}

/** Replaces the longest start of any of `forms` that ends `text` (before an optional ellipsis). */
function redactCutPrefix(text: string, forms: readonly string[]): string {
  const body = text.replace(CUT_TAIL, '');
  for (const form of forms) {
    // Stryker disable next-line ArithmeticOperator: equivalent, longer slices are the whole form, already replaced above.
    for (let length = form.length - 1; length >= MIN_SECRET_LENGTH; length--) {
      const cut = new RegExp(`${literalPattern(form.slice(0, length))}$`);
      if (cut.test(body)) return body.replace(cut, REDACTED) + text.slice(body.length);
    }
  }
  return text;
}

/** Redacts `text`, then cuts it to at most `maxLength` characters (never the other way round). */
export function redactThenCut(text: string, secrets: readonly (string | undefined)[], maxLength: number): string {
  return redact(text, secrets).slice(0, maxLength);
}

/** A runtime's error code (`ECONNREFUSED`, `ERR_SSL_WRONG_VERSION_NUMBER`): short, upper case, no secret. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * A sanitised copy of an arbitrary thrown value, fit to be a `cause`: an `Error` with the
 * same name, a redacted message and the runtime's error `code` when it is one, no stack from
 * foreign code, no request or response objects (they carry URLs with credentials).
 */
export function sanitizeCause(value: unknown, secrets: readonly (string | undefined)[]): Error {
  const source = value instanceof Error ? value : new Error(String(value));
  const nested = source.cause === undefined ? undefined : sanitizeCause(source.cause, secrets);
  const copy = new Error(redact(source.message, secrets), nested ? { cause: nested } : undefined);
  copy.name = source.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string' && ERROR_CODE.test(code)) Object.assign(copy, { code });
  return copy;
}
