// One Hono app, unchanged on Workers, Deno and Bun (see worker.ts, deno.ts, bun.ts):
//   GET  /                 public; says who is signed in, if anyone
//   GET  /dashboard        needs a session (an expired one is refreshed)
//   GET  /admin            needs the permission user=administration (403 otherwise)
//   GET  /auth/login       starts a login (?returnTo=/path)
//   GET  /auth/callback    the organisation's callback URL
//   POST /auth/logout      revokes the tokens and clears the cookies
import { AuthLiteClient } from '@authlite/core';
import { type AuthLiteEnv, createAuthLite } from '@authlite/hono';
import { Hono } from 'hono';

/** The settings the app reads from its runtime's environment (bindings on Workers). */
export interface AppEnv {
  TRUSTAUTHX_API_KEY: string;
  TRUSTAUTHX_SECRET_KEY: string;
  TRUSTAUTHX_ORG_ID: string;
  TRUSTAUTHX_BASE_URL?: string;
  TRUSTAUTHX_WIDGET_URL?: string;
  /** Seconds the session cache keeps a positive answer (default 30; the tests use 0). */
  AUTHLITE_SESSION_CACHE_TTL_S?: string;
}

/** The app for these settings: one client and one session cache for its lifetime. */
export function createApp(env: AppEnv): Hono<AuthLiteEnv> {
  const ttl = env.AUTHLITE_SESSION_CACHE_TTL_S;
  const auth = createAuthLite({
    client: () =>
      new AuthLiteClient({
        apiKey: env.TRUSTAUTHX_API_KEY,
        secretKey: env.TRUSTAUTHX_SECRET_KEY,
        orgId: env.TRUSTAUTHX_ORG_ID,
        ...(env.TRUSTAUTHX_BASE_URL ? { baseUrl: env.TRUSTAUTHX_BASE_URL } : {}),
        ...(env.TRUSTAUTHX_WIDGET_URL ? { widgetUrl: env.TRUSTAUTHX_WIDGET_URL } : {}),
      }),
    ...(ttl ? { sessionCacheTtl: Number(ttl) } : {}),
  });

  const app = new Hono<AuthLiteEnv>();
  app.use(auth.middleware);
  app.get('/auth/login', auth.login);
  app.get('/auth/callback', auth.callback);
  app.post('/auth/logout', auth.logout);
  app.get('/', (c) => {
    const session = c.get('session');
    return c.text(session ? `signed in as ${session.user.email}` : 'signed out');
  });
  app.get('/dashboard', auth.requireSession(), (c) => {
    const session = c.get('session')!;
    return c.json({ email: session.user.email, roles: session.roles, canAdminister: session.can('user', 'administration') });
  });
  app.get('/admin', auth.requirePermission('user', 'administration'), (c) => c.json({ admin: c.get('session')!.user.email }));
  return app;
}
