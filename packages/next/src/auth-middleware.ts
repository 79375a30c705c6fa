import { AuthLiteError, HttpError, TokenSetInvalidError, type AuthLiteClient } from '@authlite/core';
import { NextResponse, type NextRequest } from 'next/server.js';
import { RETURN_TO_MAX_AGE_S, USER_HEADERS, type AuthMiddlewareOptions, type RouteRule } from './options.js';
import { defaultRolesOf } from './roles-of.js';
import { matchRoute, safeReturnPath } from './route-rules.js';
import { clearTokenCookies, cookieHeaderWith, sessionCookies, setTokenCookies, type SessionCookies } from './session-cookies.js';

/** A Next.js middleware function. */
export type AuthMiddleware = (request: NextRequest) => Promise<NextResponse>;

/**
 * A Next.js middleware (`middleware.ts`, Edge Runtime) that guards {@link RouteRule | routes}
 * with TrustAuthX sessions kept in two HttpOnly cookies:
 *
 * - `callbackPath?code=...`: exchanges the login code (`client.getUser`), sets the cookies and
 *   redirects (303) to the saved return path or `afterLoginPath`. A refused code redirects to login again.
 * - a guarded route without both cookies, or whose token pair the service refuses
 *   (`TokenSetInvalidError`): redirects (307) to the login widget (`client.generateUrl()`),
 *   remembering the path; the cookies are cleared.
 * - an expired access token with a valid refresh token: the pair is rotated
 *   (`validateTokenSet`), the new cookies are set on the answer and passed on to the route.
 * - a route with a `permission`: allowed only when one of the user's roles grants it
 *   (user data from `getUserData`, checks from the client's role cache), else 403.
 * - a network failure, timeout or 5xx of the service: 503, never mistaken for "logged out".
 *
 * Allowed requests go on with `x-authlite-uid`, `-email`, `-roles` request headers when the
 * user data was read (incoming ones are always stripped). Nothing is logged; no token or key
 * appears in an answer.
 */
export function createAuthMiddleware(options: AuthMiddlewareOptions): AuthMiddleware {
  let client: AuthLiteClient | undefined;
  const getClient = (): AuthLiteClient => (client ??= typeof options.client === 'function' ? options.client() : options.client);
  const callbackPath = options.callbackPath ?? '/auth/callback';
  const afterLoginPath = options.afterLoginPath ?? '/';
  const rolesOf = options.rolesOf ?? defaultRolesOf;

  return async (request) => {
    const cookies = sessionCookies(options.cookies, request);
    const { pathname, search } = request.nextUrl;
    try {
      if (pathname === callbackPath) return await completeLogin(request, getClient(), cookies, afterLoginPath);
      const rule = matchRoute(pathname, options.routes);
      if (!rule) return NextResponse.next({ request: { headers: strippedHeaders(request) } });

      const access = request.cookies.get(cookies.access)?.value;
      const refresh = request.cookies.get(cookies.refresh)?.value;
      if (!access || !refresh) return toLogin(getClient(), cookies, `${pathname}${search}`);

      const check = await getClient().validateTokenSet(access, refresh);
      const headers = strippedHeaders(request);
      if (!check.state) headers.set('cookie', cookieHeaderWith(request, cookies, check.access, check.refresh));

      let response: NextResponse;
      if (rule.permission) {
        const user = await getClient().getUserData(check.access);
        const roles = rolesOf(user);
        const index = await getClient().roles.load();
        const { key, value } = rule.permission;
        if (!roles.some((role) => index.can(role, key, value))) {
          response = new NextResponse(`Forbidden: this page needs the permission ${key}=${value}`, {
            status: 403,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          });
        } else {
          headers.set(USER_HEADERS.uid, user.uid);
          headers.set(USER_HEADERS.email, user.email);
          headers.set(USER_HEADERS.roles, roles.join(','));
          response = NextResponse.next({ request: { headers } });
        }
      } else {
        response = NextResponse.next({ request: { headers } });
      }
      if (!check.state) setTokenCookies(response, cookies, check.access, check.refresh);
      return response;
    } catch (error) {
      if (error instanceof TokenSetInvalidError) {
        const response = toLogin(getClient(), cookies, `${pathname}${search}`);
        clearTokenCookies(response, cookies);
        return response;
      }
      const code = error instanceof AuthLiteError ? error.code : 'ERR_UNKNOWN';
      return new NextResponse(`Authentication service unavailable (${code})`, { status: 503, headers: { 'retry-after': '5' } });
    }
  };
}

/** The login code exchange on the callback path. */
async function completeLogin(request: NextRequest, client: AuthLiteClient, cookies: SessionCookies, afterLoginPath: string): Promise<NextResponse> {
  const code = request.nextUrl.searchParams.get('code');
  if (!code) return new NextResponse('Missing ?code= from the login widget', { status: 400 });
  let user: Awaited<ReturnType<typeof client.getUser>>;
  try {
    user = await client.getUser(code);
  } catch (error) {
    // A used, expired or unknown code: start the login again.
    if (error instanceof HttpError && error.status >= 400 && error.status < 500) return toLogin(client, cookies, undefined);
    throw error;
  }
  const target = safeReturnPath(request.cookies.get(cookies.returnTo)?.value, afterLoginPath);
  const response = NextResponse.redirect(new URL(target, request.nextUrl), 303);
  setTokenCookies(response, cookies, user.access_token, user.refresh_token);
  response.cookies.delete(cookies.returnTo);
  return response;
}

/** A redirect (307) to the login widget, remembering `returnTo` for after the callback. */
function toLogin(client: AuthLiteClient, cookies: SessionCookies, returnTo: string | undefined): NextResponse {
  const response = NextResponse.redirect(client.generateUrl(), 307);
  if (returnTo) {
    response.cookies.set(cookies.returnTo, returnTo, { httpOnly: true, sameSite: 'lax', path: '/', secure: cookies.secure, maxAge: RETURN_TO_MAX_AGE_S });
  }
  return response;
}

/** The request's headers without any `x-authlite-*` a client sent (they are the middleware's to set). */
function strippedHeaders(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  for (const name of Object.values(USER_HEADERS)) headers.delete(name);
  return headers;
}
