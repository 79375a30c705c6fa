/** A store operation that did not settle within its deadline (a hung connection, a paused server). */
export class StoreTimeoutError extends Error {
  /** Stable code: `ERR_STORE_TIMEOUT`. */
  readonly code = 'ERR_STORE_TIMEOUT';
  /** The operation: `"get"` or `"put"`. */
  readonly operation: string;
  /** The deadline it missed, milliseconds. */
  readonly timeoutMs: number;

  constructor(operation: string, timeoutMs: number) {
    super(`role store ${operation} did not answer within ${timeoutMs} ms`);
    this.name = 'StoreTimeoutError';
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }
}

/** `promise`, or a {@link StoreTimeoutError} after `timeoutMs` milliseconds, whichever comes first. */
export function withDeadline<T>(promise: Promise<T>, operation: string, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(operation, timeoutMs)), timeoutMs);
  });
  // A late rejection of the abandoned operation must not surface as unhandled.
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
