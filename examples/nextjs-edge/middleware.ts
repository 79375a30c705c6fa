// The edge variant: the same helper as examples/nextjs's proxy.ts, run from middleware.ts on
// the Edge Runtime (token checks at the edge). It shares that example's app/ and auth.ts.
import { auth } from '../nextjs/auth';

export const middleware = auth.proxy;

export const config = {
  matcher: ['/dashboard/:path*', '/admin/:path*', '/reports/:path*'],
};
