import { createSessionLayer, type Session, type SessionOptions } from '@authlite/session';
import { type NextRequest, NextResponse } from 'next/server.js';

/** Options of {@link createAuthLite}: the session layer's options. Checked at once; a bad one throws `ConfigurationError` naming it. */
export type AuthLiteNextOptions = SessionOptions;

/** The request function of `proxy.ts` (Node) and `middleware.ts` (Edge Runtime): the same function serves both. */
export type AuthProxy = (request: NextRequest) => Promise<Response>;

/** What {@link createAuthLite} returns. */
export interface AuthLite {
  /**
   * Guards the `routes`: `export const proxy = auth.proxy` in `proxy.ts`, or
   * `export const middleware = auth.proxy` in `middleware.ts`. A request no rule covers goes
   * on untouched. On a guarded route:
   * - no session, an unreadable cookie (bad characters, over 8192 characters, broken chunks)
   *   or a pair the service refuses: 307 to the login widget (303 for other methods than
   *   GET/HEAD), the path kept for after login, the cookies cleared;
   * - an invalid access token with a good refresh token: the pair is rotated, the new cookies
   *   set on the answer and handed to the app in place of the old ones;
   * - a `permission` that no role of the user grants: 403;
   * - a failure of the service (network, timeout, 5xx): 503 with `Retry-After: 5`, cookies kept.
   *
   * Every answer of a guarded route carries `Cache-Control: private, no-store` and `Vary: Cookie`.
   * The request reaches the app as it came, except the session cookies after a rotation.
   */
  proxy: AuthProxy;
  /** Route handlers: `export const { GET } = auth.handlers.login` in `app/auth/login/route.ts`, and so on. */
  handlers: {
    /** `GET ?returnTo=/path`: starts a login (303 to the widget, login nonce set). */
    login: {
      /** The `GET` route handler. */
      GET: (request: Request) => Promise<Response>;
    };
    /** `GET ?code=`: the organisation's callback URL; completes a login this browser started (see the README). */
    callback: {
      /** The `GET` route handler. */
      GET: (request: Request) => Promise<Response>;
    };
    /** `POST`: revokes the session's tokens, clears the cookies, 303 to `afterLogoutPath`. There is no GET (405). */
    logout: {
      /** The `POST` route handler. */
      POST: (request: Request) => Promise<Response>;
    };
  };
  /**
   * The signed-in user for server components, route handlers and server actions, read from
   * the session cookies (never from request headers) through the client and the session
   * cache; null when signed out. It does not refresh: on the routes the proxy guards, the
   * proxy has already rotated an expired pair.
   * @throws the client's errors when the service fails (HttpError 5xx, TimeoutError, NetworkError).
   */
  getSession(): Promise<Session | null>;
}

/**
 * The TrustAuthX session for a Next.js app: a proxy (or middleware) guarding routes, route
 * handlers for login, callback and logout, and `getSession()` for server code. They share one
 * client and one session cache per module instance.
 * @throws ConfigurationError naming the first bad option.
 */
export function createAuthLite(options: AuthLiteNextOptions): AuthLite {
  const layer = createSessionLayer(options);
  const proxy: AuthProxy = async (request) => {
    const outcome = await layer.guard(request);
    if (outcome.kind === 'untouched') return NextResponse.next();
    if (outcome.kind === 'respond') return outcome.response;
    let response: NextResponse;
    if (outcome.cookie === undefined) {
      response = NextResponse.next();
    } else {
      const headers = new Headers(request.headers);
      headers.set('cookie', outcome.cookie);
      response = NextResponse.next({ request: { headers } });
    }
    layer.applyAllow(response.headers, outcome);
    return response;
  };
  return {
    proxy,
    handlers: {
      login: { GET: (request) => layer.login(request) },
      callback: { GET: (request) => layer.callback(request) },
      logout: { POST: (request) => layer.logout(request) },
    },
    async getSession() {
      const { cookies } = await import('next/headers.js');
      const store = await cookies();
      return layer.session(new Map(store.getAll().map((cookie) => [cookie.name, cookie.value])));
    },
  };
}
