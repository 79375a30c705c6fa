import type { Context, MiddlewareHandler } from 'hono';

/** Default largest request body, in bytes (1 MiB): far above any body of the wire contract. */
export const DEFAULT_MAX_BODY_BYTES: number = 1024 * 1024;

function tooLarge(c: Context, maxBytes: number): Response {
  // Closing the connection stops the rest of the body from being read at all.
  return c.json({ detail: `Request body too large (limit ${maxBytes} bytes)` }, 413, { connection: 'close' });
}

/**
 * Reads a request body of at most `maxBytes` bytes for the handlers. A larger one is refused
 * (413) at once when `content-length` declares it, else (chunked) as soon as the bytes read
 * pass the limit: no large body is ever held in memory.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      const length = Number(declared);
      if (!Number.isSafeInteger(length) || length > maxBytes) return tooLarge(c, maxBytes);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = body.getReader();
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        return c.json({ detail: 'Unreadable request body' }, 422);
      }
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        reader.releaseLock();
        return tooLarge(c, maxBytes);
      }
      chunks.push(chunk.value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    // Every body reader of the handlers (text, json, parseBody, arrayBuffer) starts from this cache.
    (c.req.bodyCache as Record<string, unknown>)['arrayBuffer'] = Promise.resolve(bytes.buffer);
    return next();
  };
}
