import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error answered as `{"detail": message}` with `status`. Details never contain tokens or keys. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}
