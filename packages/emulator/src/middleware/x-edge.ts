import type { MiddlewareHandler } from "hono";
import type { World } from "../state/world.js";

/**
 * Sets `X-EDGE: <number of roles>` on every answer, counted after the handler
 * ran. The organisation is the one of the `api_key` query parameter, else of
 * `org_id`, else the default organisation.
 */
export function xEdge(world: World): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const apiKey = c.req.query("api_key");
    const orgId = c.req.query("org_id");
    const org =
      (apiKey !== undefined ? world.byApiKey.get(apiKey) : undefined) ??
      (orgId !== undefined ? world.orgs.get(orgId) : undefined) ??
      world.defaultOrg;
    c.res.headers.set("X-EDGE", String(org.roles.length));
  };
}
