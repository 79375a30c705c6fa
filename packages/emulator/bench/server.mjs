// A server for throughput.mjs, in its own process so that it does not share the load
// generator's event loop: `node server.mjs baseline|emulator [EMULATOR_DIST]`. Prints one JSON
// line {url, org_id, api_key, secret_key} once listening; exits on SIGTERM.
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [kind, distArg] = process.argv.slice(2);
const dist = distArg ? pathToFileURL(`${distArg.replace(/\/+$/, '')}/`).href : new URL('../dist/', import.meta.url).href;

async function start() {
  if (kind === 'baseline') {
    // The same HTTP stack (Hono on @hono/node-server) answering a fixed JSON value: what a
    // request costs before the emulator does any work.
    const app = new Hono();
    app.get('*', (c) => c.json({ valid: true }));
    const server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    return { url: `http://127.0.0.1:${server.address().port}`, stop: () => server.close() };
  }
  const { startEmulator } = await import(new URL('node/index.js', dist).href);
  const running = await startEmulator({ port: 0 });
  const { url, org_id, api_key, secret_key } = running;
  return { url, org_id, api_key, secret_key, stop: () => running.stop() };
}

const started = await start();
process.once('SIGTERM', () => {
  Promise.resolve(started.stop()).then(() => process.exit(0));
});
const { stop, ...info } = started;
process.stdout.write(`${JSON.stringify(info)}\n`);
