// The example's server: `pnpm start` (after `pnpm build`). It starts a local emulator whose
// organisation sends users back to this page, and serves the page, its bundle and the page's
// config (the emulator's public development credentials) on 127.0.0.1.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, type EmulatorSeed } from '@authlite/emulator';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';
import type { PageConfig } from './config.js';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The running example: the page's URL, the emulator behind it, and a way to stop both. */
export interface RunningExample {
  url: string;
  emulator: RunningEmulator;
  stop(): Promise<void>;
}

/** Starts the page server on 127.0.0.1:`port` (0: a free one) and an emulator that redirects logins to it. */
export async function startExample(port = 0): Promise<RunningExample> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const seed = structuredClone(DEFAULT_SEED) as EmulatorSeed;
  const org = seed.organisations[0];
  if (!org) throw new Error('the default seed has no organisation');
  org.callback_url = url;
  const emulator = await startEmulator({ port: 0, seed });
  const config: Omit<PageConfig, 'clockOffsetMs'> = {
    apiKey: emulator.api_key,
    secretKey: emulator.secret_key,
    orgId: emulator.org_id,
    baseUrl: emulator.url,
    widgetUrl: emulator.widget_url,
  };
  // The emulator's clock, read without moving it (advance_s: 0), as an offset from this machine's.
  const clockOffsetMs = async (): Promise<number> => {
    const response = await fetch(`${emulator.url}/__emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"advance_s":0}',
    });
    const { now } = (await response.json()) as { now: number };
    return Math.max(0, Math.round((now * 1000 - Date.now()) / 1000) * 1000);
  };

  server.on('request', (request, response) => {
    const path = new URL(request.url ?? '/', url).pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/config.json') {
      clockOffsetMs().then(
        (offset) => send(200, 'application/json', JSON.stringify({ ...config, clockOffsetMs: offset } satisfies PageConfig)),
        () => send(502, 'text/plain', 'the emulator clock could not be read'),
      );
      return;
    }
    const file = path === '/' ? join(exampleDir, 'index.html') : path === '/app.js' ? join(exampleDir, 'dist', 'app.js') : undefined;
    if (!file) return send(404, 'text/plain', 'not found');
    readFile(file).then(
      (body) => send(200, file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8', body),
      () => send(500, 'text/plain', `${file} is missing: run pnpm build`),
    );
  });

  return {
    url,
    emulator,
    stop: async () => {
      await new Promise((done) => server.close(done));
      await emulator.stop();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const running = await startExample(Number(process.env.PORT ?? 3000));
  console.log(`authlite browser example at ${running.url} (emulator at ${running.emulator.url}); Ctrl-C stops it`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running.stop().then(() => process.exit(0)));
}
