import { NextRequest } from 'next/server.js';
import { securitySuite } from '../../session/test/shared/security-suite.js';
import { createAuthLite } from '../src/index.js';

securitySuite('@authlite/next', (client) => {
  const auth = createAuthLite({
    client,
    routes: [{ path: '/admin', permission: { key: 'user', value: 'administration' } }, { path: '/dashboard' }],
  });
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/auth/login' && request.method === 'GET') return auth.handlers.login.GET(request);
    if (pathname === '/auth/callback' && request.method === 'GET') return auth.handlers.callback.GET(request);
    if (pathname === '/auth/logout' && request.method === 'POST') return auth.handlers.logout.POST(request);
    // The proxy's NextResponse.next() stands for the page: its headers go on the page's answer.
    return auth.proxy(new NextRequest(request));
  };
});
