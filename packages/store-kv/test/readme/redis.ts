import { AuthLiteClient } from '@authlite/core';
import { createUnstorageStore } from '@authlite/store-kv';
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';

// maxRetriesPerRequest: 0 makes a store call fail at once while Redis is down (the client then
// asks the service); ioredis reconnects by itself when Redis is back.
const driver = redisDriver({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', maxRetriesPerRequest: 0 });
driver.getInstance?.().on('error', (error: Error) => console.warn(`role store: ${error.message}`));

export const client = new AuthLiteClient({
  apiKey: process.env.TRUSTAUTHX_API_KEY!,
  secretKey: process.env.TRUSTAUTHX_SECRET_KEY!,
  orgId: process.env.TRUSTAUTHX_ORG_ID!,
  baseUrl: process.env.TRUSTAUTHX_BASE_URL,
  roleStore: createUnstorageStore(createStorage({ driver }), { prefix: 'myapp:' }),
});
