/**
 * Error codes that mean the request never left: the connection was refused, the name did not
 * resolve, or the TLS handshake failed (the request is written only after it). Node and the
 * Edge Runtime (undici) put them on `cause.code`, Bun on the error's own `code`.
 */
const NEVER_SENT_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set(
  (
    'ECONNREFUSED ENOTFOUND EAI_AGAIN EAI_NONAME ENETUNREACH EHOSTUNREACH UND_ERR_CONNECT_TIMEOUT ERR_INVALID_URL ' +
    // TLS handshake: protocol mismatch (Node's OpenSSL code; Bun's EPROTO) and certificate checks.
    'ERR_SSL_WRONG_VERSION_NUMBER EPROTO ERR_TLS_CERT_ALTNAME_INVALID DEPTH_ZERO_SELF_SIGNED_CERT SELF_SIGNED_CERT_IN_CHAIN ' +
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE UNABLE_TO_GET_ISSUER_CERT_LOCALLY CERT_HAS_EXPIRED CERT_NOT_YET_VALID'
  ).split(' '),
);

/** Deno's permission errors: the runtime refused to connect at all. */
const NEVER_SENT_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set(['NotCapable', 'PermissionDenied']);

/**
 * Deno's fetch errors carry no code; their only structure is hyper's error kind, printed as
 * `client error (Connect)` for a failure while connecting (TCP, DNS, TLS), before any byte of
 * the request was written.
 */
const DENO_CONNECT_KIND = 'client error (Connect)';

/**
 * Whether a fetch failure certainly happened before the request left, judged from the
 * error's structure (its and its causes' `code` and `name`, and Deno's error kind), never
 * from free message text. `false` means "cannot tell": browsers and workerd hide the cause,
 * so a failure there may have been sent. Works across realms (the Edge Runtime's VM): no
 * `instanceof`.
 */
export function failedBeforeSending(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, name, message } = current as { code?: unknown; name?: unknown; message?: unknown };
    if (NEVER_SENT_CODES.has(code as string)) return true;
    if (NEVER_SENT_NAMES.has(name as string)) return true;
    if (typeof message === 'string' && message.includes(DENO_CONNECT_KIND)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
