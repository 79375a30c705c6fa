import { AuthLiteClient } from '@authlite/core';
import { createUnstorageStore } from '@authlite/store-kv';
import { createStorage } from 'unstorage';
import upstashDriver from 'unstorage/drivers/upstash';

// Upstash Redis over its REST API (Vercel KV is the same service: unstorage/drivers/vercel-kv).
const storage = createStorage({
  driver: upstashDriver({ url: process.env.UPSTASH_REDIS_REST_URL, token: process.env.UPSTASH_REDIS_REST_TOKEN }),
});

export const client = new AuthLiteClient({
  apiKey: process.env.TRUSTAUTHX_API_KEY!,
  secretKey: process.env.TRUSTAUTHX_SECRET_KEY!,
  orgId: process.env.TRUSTAUTHX_ORG_ID!,
  roleStore: createUnstorageStore(storage, { timeout: 2_000 }),
});
