const REDACTED = '[REDACTED]';

/** Anything shaped like a compact JWS/JWT (a base64url JSON header, then two more segments). */
const JWS_SHAPE = /eyJ[\w-]{5,}\.[\w-]*\.[\w-]*/g;

/**
 * Replaces every occurrence of each secret in `text` with `[REDACTED]`, in raw and in
 * URL-encoded form, and any JWS-shaped string too (a token the SDK was never given, echoed
 * by a server). Secrets shorter than 4 characters are ignored (they would redact noise).
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text.replace(JWS_SHAPE, REDACTED);
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

/**
 * A sanitised copy of an arbitrary thrown value, fit to be a `cause`: an `Error` with the
 * same name and a redacted message, no stack from foreign code, no request or response
 * objects (they carry URLs with credentials).
 */
export function sanitizeCause(value: unknown, secrets: readonly (string | undefined)[]): Error {
  const source = value instanceof Error ? value : new Error(String(value));
  const nested = source.cause === undefined ? undefined : sanitizeCause(source.cause, secrets);
  const copy = new Error(redact(source.message, secrets), nested ? { cause: nested } : undefined);
  copy.name = source.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
