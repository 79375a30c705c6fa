// A Cloudflare Worker that protects an API with TrustAuthX:
//   GET  /login                  -> 302 to the hosted login widget
//   GET  /auth/callback?code=..  -> the user's token pair (JSON)
//   POST /auth/refresh           -> a new pair for {"refresh_token"}
//   GET  /api/...                -> needs "Authorization: Bearer <access token>", and for some
//                                   paths a permission granted by one of the user's roles
import {
  AuthLiteError,
  generateUrl,
  getAccessTokenFromRefreshToken,
  getUser,
  getUserData,
  HttpError,
  loadRoles,
  validateAccessToken,
} from '@authlite/core';
import { authFor } from './client.js';
import type { Env } from './env.js';
import { ROUTES } from './routes.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

/** What the worker needs of the Workers `ExecutionContext`. */
interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

async function handle(request: Request, env: Env, ctx: Context): Promise<Response> {
  const url = new URL(request.url);
  const auth = authFor(env);

  if (url.pathname === '/login') return Response.redirect(generateUrl(auth), 302);

  if (url.pathname === '/auth/callback') {
    const code = url.searchParams.get('code');
    if (!code) return json(400, { error: 'missing ?code=' });
    const user = await getUser(auth, code);
    return json(200, {
      email: user.email,
      uid: user.uid,
      access_token: user.access_token,
      refresh_token: user.refresh_token,
      exp: user.exp,
    });
  }

  if (url.pathname === '/auth/refresh' && request.method === 'POST') {
    const body = (await request.json().catch(() => ({}))) as { refresh_token?: unknown };
    if (typeof body.refresh_token !== 'string') return json(400, { error: 'expected {"refresh_token": "..."}' });
    // Two tabs refreshing at once both get the same new pair; waitUntil keeps a refresh whose
    // caller went away running, so that its pair is still recorded for the other tab.
    return json(200, await getAccessTokenFromRefreshToken(auth, body.refresh_token, { waitUntil: (promise) => ctx.waitUntil(promise) }));
  }

  const route = ROUTES.find((r) => url.pathname === r.path || url.pathname.startsWith(`${r.path}/`));
  if (!route) return json(404, { error: 'not found' });

  const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  const unauthorized = (error: string) => json(401, { error }, { 'www-authenticate': 'Bearer' });
  if (!token) return unauthorized('missing bearer token');
  if (!(await validateAccessToken(auth, token))) return unauthorized('invalid or expired access token');

  const user = await getUserData(auth, token);
  const roles = Array.isArray(user['roles']) ? (user['roles'] as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  if (route.permission) {
    const { key, value } = route.permission;
    const index = await loadRoles(auth);
    if (!roles.some((role) => index.can(role, key, value))) return json(403, { error: `needs the permission ${key}=${value}` });
  }
  return json(200, { path: url.pathname, uid: user.uid, email: user.email, roles });
}

export default {
  async fetch(request: Request, env: Env, ctx: Context): Promise<Response> {
    try {
      return await handle(request, env, ctx);
    } catch (error) {
      // Typed, redacted errors: a refused code or token is the caller's; anything else is the service's.
      if (error instanceof HttpError && error.status >= 400 && error.status < 500)
        return json(401, { error: error.code, status: error.status });
      if (error instanceof AuthLiteError) return json(error.code === 'ERR_INVALID_INPUT' ? 400 : 503, { error: error.code });
      return json(500, { error: 'internal error' });
    }
  },
};
