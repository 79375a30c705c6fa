#!/usr/bin/env node
/**
 * CLI: `authlite-emulator [--port 8787] [--host 127.0.0.1] [--seed FILE] [--callback-url URL]
 * [--allowed-host NAME]...`.
 * Prints one JSON line `{"url","org_id","api_key","secret_key","widget_url"}`
 * to stdout once listening, then one line per request to stderr
 * (method, path without query string, status, ms). SIGINT/SIGTERM close it. With a
 * wildcard `--host` (`0.0.0.0`, `::`) it first writes a warning to stderr, and the printed
 * URL names the loopback address.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseSeed } from '../seed-parse.ts';
import type { EmulatorSeed } from '../seed-types.ts';
import { startEmulator } from './index.ts';

const USAGE = 'usage: authlite-emulator [--port 8787] [--host 127.0.0.1] [--seed FILE] [--callback-url URL] [--allowed-host NAME]...\n';

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  let values: {
    port?: string;
    host?: string;
    seed?: string;
    'callback-url'?: string;
    'allowed-host'?: string[];
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'callback-url': { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be an integer in 0..65535\n${USAGE}`);
    process.exit(2);
  }
  let seed: EmulatorSeed | undefined;
  if (values.seed !== undefined) {
    try {
      seed = parseSeed(JSON.parse(await readFile(values.seed, 'utf8')));
    } catch (err) {
      process.stderr.write(`cannot load seed file: ${(err as Error).message}\n`);
      process.exit(1);
    }
  }
  const callbackUrl = values['callback-url'];
  if (callbackUrl !== undefined && !isHttpUrl(callbackUrl)) {
    process.stderr.write(`--callback-url must be an absolute http(s) URL\n${USAGE}`);
    process.exit(2);
  }
  const running = await startEmulator({
    port,
    host: values.host ?? '127.0.0.1',
    ...(seed ? { seed } : {}),
    ...(callbackUrl !== undefined ? { callbackUrl } : {}),
    ...(values['allowed-host'] ? { allowedHosts: values['allowed-host'] } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const shutdown = (): void => {
    void running.stop().then(() => process.exit(0));
  };
  // Handlers first: a caller may signal as soon as it reads the line below.
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (running.exposed) {
    const names = values['allowed-host']?.length ? values['allowed-host'].join(', ') : 'none (add --allowed-host NAME)';
    process.stderr.write(
      `warning: listening on every interface (${values.host}): any machine that can reach this port can use the emulator ` +
        `and its public development keys. From this machine use ${running.url}; from others use an IP address or an ` +
        `allowed host name (allowed: ${names}).\n`,
    );
  }
  const { url, org_id, api_key, secret_key, widget_url } = running;
  process.stdout.write(`${JSON.stringify({ url, org_id, api_key, secret_key, widget_url })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
