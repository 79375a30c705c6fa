import type { Context } from 'hono';
import type { Permission } from '../state/roles.ts';
import { ApiError } from './api-error.ts';

/** The request body parsed as a JSON object, or 422. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw new ApiError(422, 'Unreadable request body');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(422, 'Request body must be JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(422, 'Request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** A required non-empty string field, or 422. */
export function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0) throw new ApiError(422, `Field ${name} must be a non-empty string`);
  return value;
}

/** An optional string field (absent or null → undefined), or 422. */
export function optionalStringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ApiError(422, `Field ${name} must be a string`);
  return value;
}

/** A required boolean field, or 422. */
export function booleanField(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (typeof value !== 'boolean') throw new ApiError(422, `Field ${name} must be a boolean`);
  return value;
}

/** A required array of non-empty strings, or 422. */
export function stringArrayField(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
    throw new ApiError(422, `Field ${name} must be a list of strings`);
  }
  return value as string[];
}

/** A required list of one-entry `{key: string}` objects, or 422. */
export function permissionsField(body: Record<string, unknown>, name = 'permissions'): Permission[] {
  const value = body[name];
  if (!Array.isArray(value)) throw new ApiError(422, `Field ${name} must be a list of {key: value} objects`);
  return value.map((p, i) => {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) {
      throw new ApiError(422, `${name}[${i}] must be an object {key: value}`);
    }
    const entries = Object.entries(p as Record<string, unknown>);
    const [entry] = entries;
    if (entries.length !== 1 || !entry) throw new ApiError(422, `${name}[${i}] must have exactly one key`);
    const [key, v] = entry;
    if (key.length === 0 || typeof v !== 'string') {
      throw new ApiError(422, `${name}[${i}] must map a non-empty key to a string value`);
    }
    return { [key]: v };
  });
}
