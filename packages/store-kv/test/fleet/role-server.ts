// One "server" of the four-process test, run as a Node child process (bundled by fleet.ts):
// its own AuthLiteClient on the shared Redis store, driven over the IPC channel.
import { AuthLiteClient } from '@authlite/core';
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { createUnstorageStore } from '../../src/index.js';

/** What the parent sends: one command per message. */
export type Command =
  | { id: number; cmd: 'check'; checks: [string, string, string][] }
  | { id: number; cmd: 'add-role'; name: string; permission: Record<string, string> }
  | { id: number; cmd: 'get-user'; code: string }
  | { id: number; cmd: 'advance'; seconds: number }
  | { id: number; cmd: 'store-ready' }
  | { id: number; cmd: 'exit' };

/** Start-up settings, as JSON in argv[2]. */
export interface ServerSettings {
  emulatorUrl: string;
  redisUrl: string;
  prefix: string;
  maxAge: number;
  org: { orgId: string; apiKey: string; secretKey: string };
}

// The SDK's clock in this process (the client's and the store's `clock` option), moved forward by `advance`.
let offsetMs = 0;
const clock = { nowMs: () => Date.now() + offsetMs };

const settings = JSON.parse(process.argv[2] ?? '{}') as ServerSettings;
const driver = redisDriver({ url: settings.redisUrl, maxRetriesPerRequest: 0 });
driver.getInstance?.().on('error', () => undefined);
const storage = createStorage({ driver });
const client = new AuthLiteClient({
  apiKey: settings.org.apiKey,
  secretKey: settings.org.secretKey,
  orgId: settings.org.orgId,
  baseUrl: settings.emulatorUrl,
  maxAge: settings.maxAge,
  clock,
  // Generous store deadline and lease: on a loaded 2-core machine a Redis answer or a fetch can take
  // seconds, and the fetch counts below must not depend on it (hung and dead Redis: redis.test.ts).
  roleStore: createUnstorageStore(storage, { prefix: settings.prefix, timeout: 20_000, fillLease: 30_000, clock }),
});

async function handle(message: Command): Promise<unknown> {
  switch (message.cmd) {
    case 'check':
      return Promise.all(message.checks.map(([role, key, value]) => client.roles.validate(role, key, value)));
    case 'add-role':
      return (await client.roles.addRole(message.name, message.permission)).rol_id;
    case 'get-user':
      return (await client.getUser(message.code)).email;
    case 'advance':
      offsetMs += message.seconds * 1000;
      return offsetMs;
    case 'store-ready':
      return storage.getItem('ping').then(
        () => true,
        () => false,
      );
    case 'exit':
      await storage.dispose();
      setImmediate(() => process.exit(0));
      return true;
  }
}

process.on('message', (message: Command) => {
  handle(message).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) =>
      process.send?.({ id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});
process.send?.({ id: 0, result: 'ready' });
