// Runs on the Edge Runtime before every matched request: session cookies, token-set
// validation with refresh, login redirects, role permissions (see @authlite/next).
import { AuthLiteClient } from '@authlite/core';
import { createAuthMiddleware } from '@authlite/next';

export const middleware = createAuthMiddleware({
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
  callbackPath: '/auth/callback',
  afterLoginPath: '/dashboard',
});

export const config = {
  matcher: ['/dashboard/:path*', '/admin/:path*', '/reports/:path*', '/auth/callback'],
};

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see the example's README)`);
  return value;
}
