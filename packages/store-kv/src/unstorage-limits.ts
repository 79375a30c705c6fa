/** What one kind of backend accepts; the unstorage adapter applies it before calling the driver. */
export interface BackendLimits {
  /** Largest stored value, bytes (UTF-8). */
  maxValueBytes: number;
  /** Longest key, bytes (UTF-8), when the backend has a limit. */
  maxKeyBytes?: number;
}

const MIB = 1024 * 1024;
// Workers KV's 60 s minimum expiry is applied by unstorage's cloudflare-kv-* drivers themselves.
const CLOUDFLARE_KV: BackendLimits = { maxValueBytes: 25 * MIB, maxKeyBytes: 512 };
const DENO_KV: BackendLimits = { maxValueBytes: 65_536, maxKeyBytes: 2_048 };
/** Upstash (and Vercel KV, which is Upstash) refuse requests over 1 MB on their default plans. */
const UPSTASH: BackendLimits = { maxValueBytes: 1_000_000 };

/**
 * Limits of the unstorage drivers whose backend has them, by driver name (`driver.name`).
 * Sources: Cloudflare Workers KV limits (25 MiB values, 512-byte keys), Deno KV (64 KiB values, 2 KiB keys), Upstash (1 MB request), Redis
 * (512 MiB strings). A driver not listed gets {@link DEFAULT_LIMITS}.
 */
export const DRIVER_LIMITS: Readonly<Record<string, BackendLimits>> = {
  'cloudflare-kv-binding': CLOUDFLARE_KV,
  'cloudflare-kv-http': CLOUDFLARE_KV,
  'deno-kv': DENO_KV,
  'deno-kv-node': DENO_KV,
  upstash: UPSTASH,
  'vercel-kv': UPSTASH,
  redis: { maxValueBytes: 512 * MIB },
};

/** Limits of a driver without an entry in {@link DRIVER_LIMITS}: 25 MiB values, no key limit. */
export const DEFAULT_LIMITS: BackendLimits = { maxValueBytes: 25 * MIB };

/** The limits of the driver called `name`. */
export function limitsOf(name: string | undefined): BackendLimits {
  return (name !== undefined && DRIVER_LIMITS[name]) || DEFAULT_LIMITS;
}
