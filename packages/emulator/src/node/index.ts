import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createEmulator } from '../app.ts';
import { isWildcardAddress } from '../guard/host-policy.ts';
import type { EmulatorSeed } from '../seed-types.ts';

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on (default "127.0.0.1"). */
  host?: string;
  /** The starting state (default the package's `DEFAULT_SEED`). */
  seed?: EmulatorSeed;
  /** Callback URL of the default organisation (overrides the seed's); see `CreateEmulatorOptions.callbackUrl`. */
  callbackUrl?: string;
  /**
   * Host names besides localhost and `host` that clients may use, e.g. `["emulator"]` for
   * `http://emulator:8787` from another container. Any other `Host` is refused (403).
   */
  allowedHosts?: readonly string[];
  /** Largest request body in bytes (default 1 MiB); see `CreateEmulatorOptions.maxBodyBytes`. */
  maxBodyBytes?: number;
  /**
   * Called once per answered request with `"<METHOD> <path> <status> <ms>ms"`.
   * The path never includes the query string, so no token or key is logged.
   */
  log?: (line: string) => void;
}

/** A running emulator: where it listens and the default organisation's credentials. */
export interface RunningEmulator {
  /**
   * Base URL without trailing slash, e.g. `http://127.0.0.1:8787`. When listening on every
   * interface (`0.0.0.0` or `::`) it names the loopback address, a URL that works from this machine.
   */
  url: string;
  /** Whether the server listens on every interface (`0.0.0.0` or `::`), so other machines can reach it. */
  exposed: boolean;
  /** org_id of the seed's first (default) organisation. */
  org_id: string;
  /** api_key of the default organisation. */
  api_key: string;
  /** secret_key of the default organisation (a fake development value by default). */
  secret_key: string;
  /** `${url}/widget/login/`. */
  widget_url: string;
  /** Closes the server (and its open connections). Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts an emulator on a socket with @hono/node-server.
 *
 * @throws TypeError when `options.seed`, `options.callbackUrl` or `options.maxBodyBytes` is invalid.
 * @throws Error (e.g. `EADDRINUSE`) when the port cannot be bound.
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const emulator = createEmulator({
    listenHost: host,
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.callbackUrl !== undefined ? { callbackUrl: options.callbackUrl } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });
  const log = options.log;

  const handler = async (request: Request): Promise<Response> => {
    const started = performance.now();
    let status = 500;
    try {
      const response = await emulator.fetch(request);
      status = response.status;
      return response;
    } finally {
      if (log) {
        const path = new URL(request.url).pathname;
        log(`${request.method} ${path} ${status} ${Math.round(performance.now() - started)}ms`);
      }
    }
  };

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: handler, port: options.port ?? 0, hostname: host, overrideGlobalObjects: false }, () => {
      s.off('error', reject);
      resolve(s);
    });
    s.once('error', reject);
  });

  const { port } = server.address() as AddressInfo;
  const exposed = isWildcardAddress(host);
  const urlHost = exposed ? (host.includes(':') ? '::1' : '127.0.0.1') : host;
  const url = `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}`;
  const org = emulator.orgs[0];
  if (!org) throw new TypeError('The seed has no organisation');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      const http = server as { closeAllConnections?: () => void };
      http.closeAllConnections?.();
    });
    return stopping;
  };

  return {
    url,
    exposed,
    org_id: org.org_id,
    api_key: org.api_key,
    secret_key: org.secret_key,
    widget_url: `${url}/widget/login/`,
    stop,
  };
}

export type { EmulatorSeed } from '../seed-types.ts';
