// One server process of the shared-store bench section: runs permission checks through
// successive clients ("lifetimes": a new process, isolate or restart each), on a shared Redis
// role store (unstorage's Redis driver) or on a memory store of each client's own.
// Settings as JSON in argv[2]; each { id, lifetimes, checksPerLifetime, prefix } message runs
// one workload and answers { id, ms, wrong }.
import { AuthLiteClient } from '@authlite/core';
import { createUnstorageStore } from '@authlite/store-kv';
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';

/** Start-up settings of a role server. */
export interface RoleServerSettings {
  url: string;
  orgId: string;
  apiKey: string;
  secretKey: string;
  /** Redis URL of the shared store; none: a memory store per client. */
  redisUrl?: string;
  /** Checks run as [role, key, value, expected]. */
  checks: [string, string, string, boolean][];
}

/** One workload. */
export interface Workload {
  id: number;
  lifetimes: number;
  checksPerLifetime: number;
  /** Store prefix of this workload: a new one per round, so each round starts on an empty store. */
  prefix: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as RoleServerSettings;
const storage = settings.redisUrl ? createStorage({ driver: redisDriver({ url: settings.redisUrl, maxRetriesPerRequest: 0 }) }) : undefined;

async function run(work: Workload): Promise<{ ms: number; wrong: number }> {
  let wrong = 0;
  const started = performance.now();
  for (let life = 0; life < work.lifetimes; life++) {
    const client = new AuthLiteClient({
      apiKey: settings.apiKey,
      secretKey: settings.secretKey,
      orgId: settings.orgId,
      baseUrl: settings.url,
      ...(storage ? { roleStore: createUnstorageStore(storage, { prefix: work.prefix }) } : {}),
    });
    const answers = await Promise.all(
      Array.from({ length: work.checksPerLifetime }, (_, i) => {
        const [role, key, value, expected] = settings.checks[i % settings.checks.length]!;
        return client.roles.validate(role, key, value).then((answer) => answer === expected);
      }),
    );
    wrong += answers.filter((right) => !right).length;
  }
  return { ms: performance.now() - started, wrong };
}

process.on('message', (message: Workload | { id: number; stop: true }) => {
  if ('stop' in message) {
    void Promise.resolve(storage?.dispose()).then(() => process.exit(0));
    return;
  }
  void run(message).then((result) => process.send?.({ id: message.id, ...result }));
});
process.send?.({ id: 0 });
