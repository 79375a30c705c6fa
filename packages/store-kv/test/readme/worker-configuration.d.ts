// What `wrangler types` generates for the README's Worker (the parts it uses).
interface KVNamespace {
  get(key: string, options?: { type: 'text'; cacheTtl?: number }): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

interface Env {
  ROLES: KVNamespace;
  TRUSTAUTHX_API_KEY: string;
  TRUSTAUTHX_SECRET_KEY: string;
  TRUSTAUTHX_ORG_ID: string;
  TRUSTAUTHX_BASE_URL?: string;
}
