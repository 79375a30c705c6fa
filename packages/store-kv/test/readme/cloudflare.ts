import { AuthLiteClient } from '@authlite/core';
import { createUnstorageStore } from '@authlite/store-kv';
import { createStorage } from 'unstorage';
import cloudflareKVBindingDriver from 'unstorage/drivers/cloudflare-kv-binding';

// `Env` as `wrangler types` writes it: a KV namespace bound as ROLES and the TrustAuthX secrets.
let client: AuthLiteClient | undefined;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    client ??= new AuthLiteClient({
      apiKey: env.TRUSTAUTHX_API_KEY,
      secretKey: env.TRUSTAUTHX_SECRET_KEY,
      orgId: env.TRUSTAUTHX_ORG_ID,
      baseUrl: env.TRUSTAUTHX_BASE_URL,
      roleStore: createUnstorageStore(createStorage({ driver: cloudflareKVBindingDriver({ binding: env.ROLES }) })),
    });
    const role = new URL(request.url).searchParams.get('role') ?? '';
    return Response.json({ allowed: await client.roles.validate(role, 'billing', 'write') });
  },
};
