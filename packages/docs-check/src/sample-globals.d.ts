// What the README samples take as given, the way a reader does: the app's own values and
// helpers around the SDK calls. Anything else a sample uses must come from an import.
import type { CloudflareKvNamespace, DenoKv } from '@authlite/store-kv';

declare global {
  /** The server's environment (process.env, a Worker's env with its KV binding ROLES). */
  const env: {
    TRUSTAUTHX_API_KEY: string;
    TRUSTAUTHX_SECRET_KEY: string;
    TRUSTAUTHX_ORG_ID: string;
    ROLES: CloudflareKvNamespace;
    [name: string]: unknown;
  };
  /** A Worker's bindings, as `wrangler types` writes them. */
  interface Env {
    TRUSTAUTHX_API_KEY: string;
    TRUSTAUTHX_SECRET_KEY: string;
    TRUSTAUTHX_ORG_ID: string;
    TRUSTAUTHX_BASE_URL?: string;
    ROLES: CloudflareKvNamespace;
  }
  /** The app's credentials. */
  const apiKey: string;
  const secretKey: string;
  const orgId: string;
  /** A login code from the callback URL's `?code=`. */
  const code: string;
  /** The user's tokens, e.g. from the session cookies. */
  const accessToken: string;
  const refreshToken: string;
  /** A user id (`uid`) and a role id (`rol_id`). */
  const uid: string;
  const roleId: string;
  /** Deno's KV (the samples run in Deno too). */
  const Deno: { openKv(): Promise<DenoKv> };
  /** An Upstash / Vercel KV client and a node-redis client. */
  const redis: { get(key: string): Promise<unknown>; set(key: string, value: string, options: { ex: number }): Promise<unknown> };
  const nodeRedis: { get(key: string): Promise<string | null>; set(key: string, value: string, options: { EX: number }): Promise<unknown> };
  /** The app's own helpers. */
  function saveCookies(access: string, refresh: string): void;
  function redirect(url: string): never;
}
