// Next.js 16 runs proxy.ts on Node before every matched request: session cookies, token
// validation with refresh, login redirects, role permissions (see @authlite/next).
import { auth } from './auth';

export const proxy = auth.proxy;

export const config = {
  matcher: ['/dashboard/:path*', '/admin/:path*', '/reports/:path*'],
};
