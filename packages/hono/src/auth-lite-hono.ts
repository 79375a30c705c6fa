import { ConfigurationError } from '@authlite/core';
import { createSessionLayer, type RequiredPermission, type Session, type SessionOptions } from '@authlite/session';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { createMiddleware } from 'hono/factory';

/** The typed context variables the middleware sets: `c.get('session')`. */
export interface AuthLiteVariables {
  /** The signed-in user (user data, role ids, `can(key, value)`), or null when signed out. */
  session: Session | null;
}

/** The Hono environment of the middleware and guards: `new Hono<AuthLiteEnv>()`, or merge `Variables` into your own. */
export interface AuthLiteEnv {
  Variables: AuthLiteVariables;
}

/**
 * Options of {@link createAuthLite}: the session layer's options, with `routes` optional (guard
 * routes by path here, or per route with {@link AuthLiteHono.requireSession} and
 * {@link AuthLiteHono.requirePermission}). Checked at once; a bad one throws `ConfigurationError`.
 */
export type AuthLiteHonoOptions = Omit<SessionOptions, 'routes'> & Partial<Pick<SessionOptions, 'routes'>>;

/** What {@link createAuthLite} returns: Hono middleware and handlers sharing one session layer. */
export interface AuthLiteHono {
  /**
   * `app.use(auth.middleware)`: sets `c.get('session')` on every request and guards the
   * `routes` option. On a guarded route: no session or an unreadable one → 307 (303 for other
   * methods than GET/HEAD) to the login widget with the path kept; an invalid access token with a
   * good refresh token → the pair is rotated (single-flight), the new cookies set on the answer;
   * a missing permission → 403; a failing service → 503 with `Retry-After: 5`. Elsewhere the
   * session is read without refreshing (null when expired or when the service fails).
   * Every answer of a guarded route carries `Cache-Control: private, no-store` and `Vary: Cookie`.
   */
  middleware: MiddlewareHandler<AuthLiteEnv>;
  /** A route guard: a session is required (refreshed when expired), else login as in {@link AuthLiteHono.middleware}. */
  requireSession(): MiddlewareHandler<AuthLiteEnv>;
  /**
   * A route guard: one of the user's roles must give permission `key` the value `value`, else 403.
   * @throws ConfigurationError when `key` or `value` is not a non-empty string.
   */
  requirePermission(key: string, value: string): MiddlewareHandler<AuthLiteEnv>;
  /** `GET ?returnTo=/path`: starts a login (303 to the widget, login nonce set). */
  login: (c: Context) => Promise<Response>;
  /** `GET ?code=`: the organisation's callback URL; completes a login this browser started. */
  callback: (c: Context) => Promise<Response>;
  /** `POST`: revokes the session's tokens (`DELETE /api/user/me/token/`), clears the cookies, 303 to `afterLogoutPath`. */
  logout: (c: Context) => Promise<Response>;
}

/**
 * TrustAuthX sessions for a Hono app (Workers, Deno, Bun, Node), on the framework-neutral
 * session layer of `@authlite/session`. One client and one session cache per call.
 * @throws ConfigurationError naming the first bad option.
 */
export function createAuthLite(options: AuthLiteHonoOptions): AuthLiteHono {
  const layer = createSessionLayer({ ...options, routes: options.routes ?? [] });

  const guarded = async (
    c: Context<AuthLiteEnv>,
    next: Next,
    rule?: { permission?: RequiredPermission },
  ): Promise<Response | undefined> => {
    const outcome = await layer.guard(c.req.raw, rule);
    if (outcome.kind === 'respond') return outcome.response;
    if (outcome.kind === 'untouched') {
      if (!c.get('session')) c.set('session', await layer.session(c.req.header('cookie') ?? null).catch(() => null));
      await next();
      return undefined;
    }
    c.set('session', await layer.session(outcome.cookie ?? c.req.header('cookie') ?? null));
    await next();
    try {
      layer.applyAllow(c.res.headers, outcome);
    } catch {
      // Immutable headers (a fetch() answer passed through): copy. Clear c.res first, else Hono's
      // setter copies the old headers (Cache-Control, Set-Cookie) over the new ones.
      const { body, status, statusText } = c.res;
      const headers = layer.applyAllow(new Headers(c.res.headers), outcome);
      c.res = undefined;
      c.res = new Response(body, { status, statusText, headers });
    }
    return undefined;
  };

  return {
    middleware: createMiddleware<AuthLiteEnv>((c, next) => guarded(c, next)),
    requireSession: () => createMiddleware<AuthLiteEnv>((c, next) => guarded(c, next, {})),
    requirePermission: (key, value) => {
      if (typeof key !== 'string' || typeof value !== 'string' || !key || !value) {
        throw new ConfigurationError('permission', 'Invalid permission for requirePermission(key, value): expected two non-empty strings');
      }
      return createMiddleware<AuthLiteEnv>((c, next) => guarded(c, next, { permission: { key, value } }));
    },
    login: (c) => layer.login(c.req.raw),
    callback: (c) => layer.callback(c.req.raw),
    logout: (c) => layer.logout(c.req.raw),
  };
}
