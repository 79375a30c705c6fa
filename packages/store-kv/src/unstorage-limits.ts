/** What one kind of backend accepts; the unstorage adapter applies it before calling the driver. */
export interface BackendLimits {
  /** Largest stored value, bytes (UTF-8). */
  maxValueBytes: number;
  /** Longest key, bytes (UTF-8), when the backend has a limit. */
  maxKeyBytes?: number;
  /** Shortest expiry the backend accepts, seconds; shorter ones are raised to it. */
  minTtlS?: number;
}

const MIB = 1024 * 1024;
const CLOUDFLARE_KV: BackendLimits = { maxValueBytes: 25 * MIB, maxKeyBytes: 512, minTtlS: 60 };
const DENO_KV: BackendLimits = { maxValueBytes: 65_536, maxKeyBytes: 2_048 };
/** Upstash (and Vercel KV, which is Upstash) refuse requests over 1 MB on their default plans. */
const UPSTASH: BackendLimits = { maxValueBytes: 1_000_000 };

/**
 * Limits of the unstorage drivers whose backend has them, by driver name (`driver.name`).
 * Sources: Cloudflare Workers KV limits (25 MiB values, 512-byte keys, 60 s minimum
 * `expirationTtl`), Deno KV (64 KiB values, 2 KiB keys), Upstash (1 MB request), Redis
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

/** Limits of a driver without an entry in {@link DRIVER_LIMITS}: 25 MiB values, no key limit, no minimum TTL. */
export const DEFAULT_LIMITS: BackendLimits = { maxValueBytes: 25 * MIB };

/** The limits of the driver called `name`. */
export function limitsOf(name: string | undefined): BackendLimits {
  return (name !== undefined && DRIVER_LIMITS[name]) || DEFAULT_LIMITS;
}
