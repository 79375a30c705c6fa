import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { DEFAULT_MAX_BODY_BYTES, limitBody } from './guard/body-limit.ts';
import { controlGuard } from './guard/control-guard.ts';
import { hostGuard } from './guard/host-guard.ts';
import { createHostPolicy } from './guard/host-policy.ts';
import { ApiError } from './http/api-error.ts';
import { dateHeader } from './middleware/date-header.ts';
import { faults } from './middleware/faults.ts';
import { requestLog } from './middleware/request-log.ts';
import { xEdge } from './middleware/x-edge.ts';
import { controlRoutes } from './routes/control.ts';
import { rbacRoutes } from './routes/rbac.ts';
import { tokenRoutes } from './routes/token.ts';
import { userRoutes } from './routes/user.ts';
import { widgetRoutes } from './routes/widget.ts';
import { DEFAULT_SEED } from './seed.ts';
import { parseSeed, withCallbackUrl } from './seed-parse.ts';
import type { EmulatorOrgCredentials, EmulatorSeed } from './seed-types.ts';
import { createWorld } from './state/world.ts';

/** Options of {@link createEmulator}. */
export interface CreateEmulatorOptions {
  /** The starting state (default {@link DEFAULT_SEED}); validated with {@link parseSeed}. */
  seed?: EmulatorSeed;
  /**
   * Callback URL (absolute http(s)) of the default organisation: where the login widget
   * sends the browser back with `?code=`. Overrides the seed's; default
   * `http://localhost:3000/auth/callback` (the `@authlite/next` default).
   */
  callbackUrl?: string;
  /**
   * Host names (without port), besides localhost and the listening address, that may appear
   * in the `Host` header, e.g. `["emulator"]` for `http://emulator:8787` in a compose file.
   * Any other name is refused with 403 (DNS rebinding). An `Origin` with one of these names
   * may also drive the control API.
   */
  allowedHosts?: readonly string[];
  /**
   * The address the socket serving this handler listens on (`startEmulator` passes it): that
   * name is an allowed `Host`. When omitted or a wildcard (`0.0.0.0`, `::`), any IP literal is.
   */
  listenHost?: string;
  /** Largest request body in bytes (default 1 MiB); a larger one is refused with 413 before it is read. */
  maxBodyBytes?: number;
}

/** One emulator instance: its own in-memory state behind a web-standard handler. */
export interface Emulator {
  /**
   * Answers one request, like a Workers/Deno/Bun `fetch` handler. Never
   * rejects for a bad request: errors are answered as JSON `{"detail"}`.
   */
  fetch(request: Request): Promise<Response>;
  /** Credentials of the seed's organisations, the default one first. */
  readonly orgs: readonly EmulatorOrgCredentials[];
}

/**
 * Creates an emulator with its own isolated state (no socket, no `node:`
 * module). Serve `fetch` yourself, or use `startEmulator` from
 * `@authlite/emulator/node`.
 *
 * @throws TypeError when `options.seed` is not a valid seed (see {@link parseSeed}), when
 * `options.callbackUrl` is not an absolute http(s) URL, or `options.maxBodyBytes` is not a
 * positive integer.
 */
export function createEmulator(options: CreateEmulatorOptions = {}): Emulator {
  const seed = withCallbackUrl(parseSeed(options.seed ?? DEFAULT_SEED), options.callbackUrl);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new TypeError('maxBodyBytes must be a positive integer number of bytes');
  }
  const world = createWorld(seed);
  const hostPolicy = createHostPolicy({
    ...(options.listenHost !== undefined ? { boundHost: options.listenHost } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
  });

  const app = new Hono({ strict: false });
  app.use('*', dateHeader(world));
  app.use('*', hostGuard(hostPolicy));
  app.use('*', controlGuard(hostPolicy));
  app.use('*', xEdge());
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      exposeHeaders: ['X-EDGE', 'Date'],
    }),
  );
  app.use('*', requestLog(world));
  app.use('*', limitBody(maxBodyBytes));
  app.use('*', faults(world));
  app.route('/', controlRoutes(world));
  app.route('/', userRoutes(world));
  app.route('/', tokenRoutes(world));
  app.route('/', rbacRoutes(world));
  app.route('/', widgetRoutes(world));
  app.notFound((c) => c.json({ detail: 'Not Found' }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ detail: err.detail }, err.status);
    return c.json({ detail: 'Internal emulator error' }, 500);
  });

  const orgs = Object.freeze(
    seed.organisations.map((o) =>
      Object.freeze({ org_id: o.org_id, api_key: o.api_key, secret_key: o.secret_key, callback_url: o.callback_url }),
    ),
  );
  return {
    fetch: async (request: Request) => app.fetch(request),
    orgs,
  };
}
