// A TrustAuthX emulator in its own process (so the server does not share the benchmark's
// event loop), on a free loopback port. It counts the requests it answers per
// "METHOD /path" and answers the parent over IPC: { type: 'count' } → the counts,
// { type: 'reset' } → counts cleared, { type: 'stop' } → closes and exits.
import { startEmulator } from '@authlite/emulator/node';

const counts = new Map<string, number>();
const running = await startEmulator({
  port: 0,
  log: (line) => {
    const key = line.split(' ', 2).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  },
});

interface Message {
  type: 'count' | 'reset' | 'stop';
  id: number;
}

process.on('message', (message: Message) => {
  if (message.type === 'count') process.send?.({ id: message.id, counts: Object.fromEntries(counts) });
  if (message.type === 'reset') {
    counts.clear();
    process.send?.({ id: message.id });
  }
  if (message.type === 'stop') void running.stop().then(() => process.exit(0));
});

process.send?.({ id: 0, ready: { url: running.url, orgId: running.org_id, apiKey: running.api_key, secretKey: running.secret_key } });
