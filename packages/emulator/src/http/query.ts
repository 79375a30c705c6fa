import type { Context } from 'hono';
import { ApiError } from './api-error.ts';

/** A required, non-empty query parameter, or 422. */
export function requireQuery(c: Context, name: string): string {
  const value = c.req.query(name);
  if (value === undefined || value === '') throw new ApiError(422, `Missing query parameter: ${name}`);
  return value;
}

/** A required boolean query parameter (`true`/`True`/`false`/`False`), or 422. */
export function requireBoolQuery(c: Context, name: string): boolean {
  const value = requireQuery(c, name);
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  throw new ApiError(422, `Query parameter ${name} must be true or false`);
}
