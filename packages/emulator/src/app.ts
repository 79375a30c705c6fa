import { Hono } from "hono";
import { cors } from "hono/cors";
import { ApiError } from "./http/api-error.js";
import { faults } from "./middleware/faults.js";
import { requestLog } from "./middleware/request-log.js";
import { xEdge } from "./middleware/x-edge.js";
import { controlRoutes } from "./routes/control.js";
import { rbacRoutes } from "./routes/rbac.js";
import { tokenRoutes } from "./routes/token.js";
import { userRoutes } from "./routes/user.js";
import { widgetRoutes } from "./routes/widget.js";
import { DEFAULT_SEED } from "./seed.js";
import { parseSeed } from "./seed-parse.js";
import type { EmulatorOrgCredentials, EmulatorSeed } from "./seed-types.js";
import { createWorld } from "./state/world.js";

/** Options of {@link createEmulator}. */
export interface CreateEmulatorOptions {
  /** The starting state (default {@link DEFAULT_SEED}); validated with {@link parseSeed}. */
  seed?: EmulatorSeed;
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
 * @throws TypeError when `options.seed` is not a valid seed (see {@link parseSeed}).
 */
export function createEmulator(options: CreateEmulatorOptions = {}): Emulator {
  const seed = parseSeed(options.seed ?? DEFAULT_SEED);
  const world = createWorld(seed);

  const app = new Hono({ strict: false });
  app.use("*", xEdge(world));
  app.use(
    "*",
    cors({
      origin: "*",
      allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
      allowHeaders: ["Content-Type"],
      exposeHeaders: ["X-EDGE"],
    }),
  );
  app.use("*", requestLog(world));
  app.use("*", faults(world));
  app.route("/", controlRoutes(world));
  app.route("/", userRoutes(world));
  app.route("/", tokenRoutes(world));
  app.route("/", rbacRoutes(world));
  app.route("/", widgetRoutes(world));
  app.notFound((c) => c.json({ detail: "Not Found" }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ detail: err.detail }, err.status);
    return c.json({ detail: "Internal emulator error" }, 500);
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
