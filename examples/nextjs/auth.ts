// The one TrustAuthX setup of this app, shared by proxy.ts (or middleware.ts in examples/nextjs-edge),
// the route handlers under app/auth/ and every page that calls getSession().
import { AuthLiteClient } from '@authlite/core';
import { createAuthLite } from '@authlite/next';

export const auth = createAuthLite({
  // Made on the first request, so the credentials come from the server's environment at run time.
  client: () =>
    new AuthLiteClient({
      apiKey: requiredEnv('TRUSTAUTHX_API_KEY'),
      secretKey: requiredEnv('TRUSTAUTHX_SECRET_KEY'),
      orgId: requiredEnv('TRUSTAUTHX_ORG_ID'),
      ...(process.env.TRUSTAUTHX_BASE_URL ? { baseUrl: process.env.TRUSTAUTHX_BASE_URL } : {}),
      ...(process.env.TRUSTAUTHX_WIDGET_URL ? { widgetUrl: process.env.TRUSTAUTHX_WIDGET_URL } : {}),
    }),
  routes: [
    { path: '/admin', permission: { key: 'user', value: 'administration' } },
    { path: '/reports', permission: { key: 'reports', value: 'read' } },
    { path: '/dashboard' },
  ],
  afterLoginPath: '/dashboard',
  // Default 30 s. The end-to-end tests set 0: they move the emulator's clock, not this server's.
  ...(process.env.AUTHLITE_SESSION_CACHE_TTL ? { sessionCacheTtl: Number(process.env.AUTHLITE_SESSION_CACHE_TTL) } : {}),
});

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see the example's README)`);
  return value;
}
